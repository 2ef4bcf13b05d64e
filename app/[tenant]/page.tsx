import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { withTenant } from "@/lib/db/tenant";
import { formatRupiah } from "@/lib/money";
import { photoSources, readVariants } from "@/lib/images/photos";
import { findTenantBySlug } from "@/lib/tenancy/resolve";
import { readTheme, themeStyle } from "@/lib/tenancy/theme";
import { getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ tenant: string }> };

async function loadShowroom(slug: string) {
  const found = await findTenantBySlug(slug);
  if (!found) return null;
  if (found.status !== "active") return { suspended: true as const, slug };
  return withTenant(found.id, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: found.id } });
    const vehicles = await tx.vehicle.findMany({
      where: { status: { in: ["available", "booked"] } },
      orderBy: [{ featured: "desc" }, { createdAt: "desc" }],
      take: 24,
      include: { photos: { where: { isMain: true }, take: 1 } },
    });
    return { suspended: false as const, tenant, vehicles };
  });
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const showroom = await loadShowroom((await params).tenant);
  if (!showroom || showroom.suspended) return { title: "autolumiku" };
  return { title: `${showroom.tenant.name} · Mobil bekas ${showroom.tenant.city ?? ""}`.trim(), description: showroom.tenant.tagline ?? undefined };
}

export default async function ShowroomHome({ params }: Params) {
  const showroom = await loadShowroom((await params).tenant);
  if (!showroom) notFound();
  const { t } = await getTranslator();
  if (showroom.suspended) {
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-2 px-4 text-center">
        <h1 className="text-xl font-semibold">Showroom ini sementara tidak tersedia</h1>
        <p className="text-sm text-muted-foreground">This showroom is temporarily unavailable.</p>
      </main>
    );
  }
  const { tenant, vehicles } = showroom;
  return (
    <div style={themeStyle(readTheme(tenant.theme))} className="min-h-dvh">
      <header className="bg-primary text-primary-foreground">
        <div className="mx-auto max-w-6xl px-4 py-8">
          <h1 className="text-2xl font-bold tracking-tight sm:text-4xl">{tenant.name}</h1>
          {tenant.tagline ? <p className="mt-2 max-w-xl opacity-90">{tenant.tagline}</p> : null}
          <p className="mt-3 text-sm opacity-80">{tenant.address ?? tenant.city}</p>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {vehicles.map((vehicle) => {
            const photo = vehicle.photos[0];
            const sources = photo ? photoSources(readVariants(photo.variants)) : null;
            return (
              <li key={vehicle.id} className="overflow-hidden rounded-lg border border-border bg-card shadow-sm">
                <div className="relative aspect-[4/3] bg-muted" style={photo ? { backgroundImage: `url(${photo.blurDataUrl})`, backgroundSize: "cover" } : undefined}>
                  {sources ? (
                    <picture>
                      <source type="image/avif" srcSet={sources.avifSrcSet} sizes="(min-width: 1024px) 33vw, (min-width: 640px) 50vw, 100vw" />
                      <source type="image/webp" srcSet={sources.webpSrcSet} sizes="(min-width: 1024px) 33vw, (min-width: 640px) 50vw, 100vw" />
                      <img src={sources.fallbackUrl} alt={`${vehicle.brand} ${vehicle.model} ${vehicle.year}`} width={photo?.width} height={photo?.height} loading="lazy" className="absolute inset-0 size-full object-cover" />
                    </picture>
                  ) : null}
                  {vehicle.status === "booked" ? <Badge variant="warning" className="absolute left-2 top-2">{t("status.booked")}</Badge> : null}
                </div>
                <div className="space-y-1 p-4">
                  <h2 className="font-semibold">
                    {vehicle.brand} {vehicle.model} {vehicle.variant}
                  </h2>
                  <p className="text-sm text-muted-foreground">
                    {vehicle.year} · {vehicle.transmission === "automatic" ? "Otomatis" : "Manual"} · {vehicle.mileageKm.toLocaleString("id-ID")} km · {vehicle.city}
                  </p>
                  <p className="text-lg font-bold text-primary">{formatRupiah(vehicle.price)}</p>
                </div>
              </li>
            );
          })}
        </ul>
      </main>
    </div>
  );
}
