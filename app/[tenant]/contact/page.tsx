import type { Metadata } from "next";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { loadShowroom, whatsappLink } from "@/lib/catalog/showroom";
import type { MessageKey } from "@/lib/core/i18n/messages";

type Props = { params: Promise<{ tenant: string }> };

const Hours = z
  .array(z.object({ day: z.number().int().min(0).max(6), open: z.string(), close: z.string() }))
  .catch([]);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const showroom = await loadShowroom((await params).tenant);
  if (showroom.state !== "open") return { title: "autolumiku" };
  return {
    title: `Kontak · ${showroom.tenant.name}`,
    alternates: { canonical: `${showroom.canonicalBase}/contact` },
  };
}

export default async function Contact({ params }: Props) {
  const showroom = await loadShowroom((await params).tenant);
  if (showroom.state !== "open") return null;
  const { tenant, t } = showroom;
  const hours = Hours.parse(tenant.openingHours);
  const map =
    tenant.mapUrl ??
    (tenant.address
      ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(tenant.address)}`
      : null);
  const wa = whatsappLink(tenant.whatsappNumber, `Halo ${tenant.name}`);
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold tracking-tight">{t("catalog.contact")}</h1>
      {tenant.address ? (
        <section className="space-y-1">
          <h2 className="font-semibold">{t("catalog.address")}</h2>
          <p>{tenant.address}</p>
          {map ? (
            <a
              href={map}
              target="_blank"
              rel="noopener noreferrer"
              className="text-sm font-medium text-primary underline underline-offset-4"
            >
              {t("catalog.map")}
            </a>
          ) : null}
        </section>
      ) : null}
      <section className="space-y-2">
        <h2 className="font-semibold">{t("catalog.hours")}</h2>
        <dl className="grid grid-cols-2 gap-1 text-sm">
          {[1, 2, 3, 4, 5, 6, 0].map((day) => {
            const slot = hours.find((entry) => entry.day === day);
            return (
              <div key={day} className="contents">
                <dt>{t(`day.${day}` as MessageKey)}</dt>
                <dd>{slot ? `${slot.open}–${slot.close}` : t("catalog.closed")}</dd>
              </div>
            );
          })}
        </dl>
      </section>
      {wa ? (
        <Button asChild size="lg">
          <a href={wa} target="_blank" rel="noopener noreferrer">
            {t("catalog.whatsapp")}
          </a>
        </Button>
      ) : null}
    </main>
  );
}
