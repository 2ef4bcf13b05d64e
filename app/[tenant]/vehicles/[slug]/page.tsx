import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreditCalculator } from "@/components/catalog/credit-calculator";
import { LeadForm } from "@/components/catalog/lead-form";
import { PhotoSources } from "@/components/catalog/photo-sources";
import { ViewBeacon } from "@/components/catalog/view-beacon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { loadVehicle as loadListedVehicle } from "@/lib/catalog/data";
import { loadShowroom, whatsappLink } from "@/lib/catalog/showroom";
import type { MessageKey } from "@/lib/core/i18n/messages";
import { formatRupiah } from "@/lib/core/money";
import { photoSources, readVariants } from "@/lib/images/photos";
import { PLATE_REGIONS } from "@/lib/inventory/plate";

type Props = { params: Promise<{ tenant: string; slug: string }> };

export const dynamicParams = true;
export const revalidate = 86400;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

async function loadVehicle(segment: string, slug: string) {
  const showroom = await loadShowroom(segment);
  if (showroom.state !== "open") return null;
  const vehicle = await loadListedVehicle(showroom.tenant.id, slug);
  return vehicle ? { showroom, vehicle } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, slug } = await params;
  const found = await loadVehicle(tenant, slug);
  if (!found) return { title: "autolumiku" };
  const { vehicle, showroom } = found;
  const title = `${vehicle.brand} ${vehicle.model} ${vehicle.variant ?? ""} ${vehicle.year}`
    .replace(/\s+/g, " ")
    .trim();
  const url = `${showroom.canonicalBase}/vehicles/${vehicle.slug}`;
  const description = `${title}, ${vehicle.mileageKm.toLocaleString("id-ID")} km, ${vehicle.city ?? ""}. ${formatRupiah(vehicle.price)} di ${showroom.tenant.name}.`;
  const photo = vehicle.photos[0] ? photoSources(readVariants(vehicle.photos[0].variants)).fallbackUrl : null;
  return {
    title: `${title} · ${formatRupiah(vehicle.price)} · ${showroom.tenant.name}`,
    description,
    alternates: { canonical: url },
    openGraph: {
      title,
      description,
      url,
      type: "website",
      images: photo ? [{ url: `${url}/og.jpg`, width: 1200, height: 630, alt: title }] : undefined,
    },
  };
}

const date = (value: Date | null) =>
  value ? value.toLocaleDateString("id-ID", { month: "long", year: "numeric", timeZone: "UTC" }) : null;

export default async function VehicleDetail({ params }: Props) {
  const { tenant: segment, slug } = await params;
  const found = await loadVehicle(segment, slug);
  if (!found) notFound();
  const { vehicle, showroom } = found;
  const { tenant, t } = showroom;
  const pageUrl = `${showroom.canonicalBase}/vehicles/${vehicle.slug}`;
  const title = `${vehicle.brand} ${vehicle.model} ${vehicle.variant ?? ""}`.trim();
  const wa = whatsappLink(
    tenant.whatsappNumber,
    t("catalog.whatsappMessage", {
      showroom: tenant.name,
      car: `${title} ${vehicle.year}`,
      code: vehicle.stockCode,
      url: pageUrl,
    }),
  );
  const specs: [MessageKey, string | null][] = [
    ["catalog.stockCode", vehicle.stockCode],
    ["catalog.year", String(vehicle.year)],
    [
      "catalog.transmission",
      t(vehicle.transmission === "automatic" ? "catalog.automatic" : "catalog.manual"),
    ],
    ["catalog.fuel", t(`catalog.fuel.${vehicle.fuel}`)],
    ["catalog.mileage", `${vehicle.mileageKm.toLocaleString("id-ID")} km`],
    ["catalog.engine", vehicle.engineCc ? `${vehicle.engineCc.toLocaleString("id-ID")} cc` : null],
    ["catalog.body", vehicle.bodyType ? vehicle.bodyType.toUpperCase() : null],
    ["catalog.color", vehicle.color],
    ["catalog.seats", vehicle.seats ? String(vehicle.seats) : null],
    [
      "catalog.plate",
      vehicle.plateRegion ? `${vehicle.plateRegion} (${PLATE_REGIONS[vehicle.plateRegion] ?? ""})` : null,
    ],
    [
      "catalog.plateParity",
      vehicle.plateParity ? t(vehicle.plateParity === "odd" ? "catalog.odd" : "catalog.even") : null,
    ],
    ["catalog.tax", date(vehicle.taxValidUntil)],
    ["catalog.stnk", date(vehicle.stnkValidUntil)],
    ["catalog.owners", vehicle.previousOwners ? String(vehicle.previousOwners) : null],
    ["catalog.city", vehicle.city],
  ];
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Car",
    name: `${title} ${vehicle.year}`,
    brand: { "@type": "Brand", name: vehicle.brand },
    model: vehicle.model,
    vehicleModelDate: String(vehicle.year),
    mileageFromOdometer: { "@type": "QuantitativeValue", value: vehicle.mileageKm, unitCode: "KMT" },
    vehicleTransmission:
      vehicle.transmission === "automatic" ? "AutomaticTransmission" : "ManualTransmission",
    color: vehicle.color ?? undefined,
    sku: vehicle.stockCode,
    url: pageUrl,
    offers: {
      "@type": "Offer",
      price: vehicle.price.toString(),
      priceCurrency: "IDR",
      availability:
        vehicle.status === "booked" ? "https://schema.org/Reserved" : "https://schema.org/InStock",
      seller: { "@type": "AutoDealer", name: tenant.name },
    },
  };
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      {/* JSON.stringify cannot close the script element: "<" is escaped. */}
      <ViewBeacon tenant={segment} vehicle={vehicle.slug} />
      <script
        type="application/ld+json"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD needs raw text; "<" is escaped
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <section
            className="-mx-4 flex snap-x snap-mandatory gap-2 overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0"
            aria-label={title}
          >
            {vehicle.photos.map((photo, index) => {
              const sources = photoSources(readVariants(photo.variants));
              return (
                <picture
                  key={photo.id}
                  className="relative aspect-[4/3] w-[88%] shrink-0 snap-center overflow-hidden rounded-lg bg-muted bg-cover sm:w-full"
                  style={{ backgroundImage: `url(${photo.blurDataUrl})` }}
                >
                  <PhotoSources sources={sources} sizes="(min-width: 1024px) 60vw, 90vw" />
                  <img
                    src={sources.fallbackUrl}
                    alt={`${title} ${vehicle.year} · ${t("catalog.gallery", { index: index + 1, count: vehicle.photos.length })}`}
                    width={photo.width}
                    height={photo.height}
                    loading={index === 0 ? "eager" : "lazy"}
                    className="size-full object-cover"
                  />
                </picture>
              );
            })}
          </section>
          <div className="space-y-2">
            <div className="flex flex-wrap items-center gap-2">
              <Badge variant={vehicle.status === "booked" ? "warning" : "success"} data-testid="status-badge">
                {t(`status.${vehicle.status}`)}
              </Badge>
              <span className="text-sm text-muted-foreground">
                {t("catalog.stockCode")}: {vehicle.stockCode}
              </span>
            </div>
            <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
              {title} {vehicle.year}
            </h1>
            <p className="text-3xl font-bold text-primary" data-testid="price">
              {formatRupiah(vehicle.price)}
            </p>
            {vehicle.negotiable ? (
              <p className="text-sm text-muted-foreground">{t("catalog.negotiable")}</p>
            ) : null}
          </div>
          {wa ? (
            <Button asChild size="lg" className="w-full sm:w-auto">
              <a href={wa} target="_blank" rel="noopener noreferrer" data-testid="whatsapp-link">
                {t("catalog.whatsapp")}
              </a>
            </Button>
          ) : null}
          <section className="space-y-3">
            <h2 className="text-lg font-semibold">{t("catalog.specs")}</h2>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-3 rounded-lg border border-border bg-card p-4 text-sm">
              {specs
                .filter(([, value]) => value)
                .map(([key, value]) => (
                  <div key={key}>
                    <dt className="text-muted-foreground">{t(key)}</dt>
                    <dd className="font-medium">{value}</dd>
                  </div>
                ))}
            </dl>
          </section>
          {vehicle.descriptionId || vehicle.descriptionEn ? (
            <section className="space-y-2">
              <h2 className="text-lg font-semibold">{t("catalog.description")}</h2>
              <p className="whitespace-pre-line text-sm leading-relaxed">
                {vehicle.descriptionId ?? vehicle.descriptionEn}
              </p>
            </section>
          ) : null}
          {vehicle.features.length ? (
            <section className="space-y-2">
              <h2 className="text-lg font-semibold">{t("catalog.features")}</h2>
              <ul className="flex flex-wrap gap-2">
                {vehicle.features.map((feature) => (
                  <li key={feature}>
                    <Badge variant="outline">{feature}</Badge>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <aside className="space-y-4">
          <CreditCalculator
            price={vehicle.price.toString()}
            rateBps={tenant.creditRateBps}
            minDownPct={tenant.creditMinDownPct}
            tenorsMonths={tenant.creditTenorsMonths}
            text={{
              title: t("catalog.credit"),
              downPayment: t("catalog.downPayment"),
              tenor: t("catalog.tenor"),
              years: t("catalog.years"),
              monthly: t("catalog.monthly"),
              note: t("catalog.creditNote", { rate: (tenant.creditRateBps / 100).toLocaleString("id-ID") }),
            }}
          />
          <LeadForm
            tenant={segment}
            vehicle={vehicle.slug}
            text={{
              title: t("catalog.lead"),
              name: t("catalog.leadName"),
              phone: t("catalog.leadPhone"),
              message: t("catalog.leadMessage"),
              submit: t("catalog.leadSubmit"),
              sent: t("catalog.leadSent"),
              errors: {
                name: t("catalog.leadError.name"),
                phone: t("catalog.leadError.phone"),
                message: t("catalog.leadError.message"),
                unavailable: t("catalog.leadError.unavailable"),
              },
              honeypot: t("limits.honeypot"),
            }}
          />
        </aside>
      </div>
    </main>
  );
}
