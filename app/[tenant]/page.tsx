// Showroom home: hero (the showroom's cover image behind its name and tagline, when it has one),
// brands, featured and newest cars.
import type { Metadata } from "next";
import Link from "next/link";
import { PhotoSources } from "@/components/catalog/photo-sources";
import { VehicleCard } from "@/components/catalog/vehicle-card";
import { Button } from "@/components/ui/button";
import { loadHome } from "@/lib/catalog/data";
import { loadShowroom } from "@/lib/catalog/showroom";
import { brandingImages } from "@/lib/settings/branding";

type Params = { params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const showroom = await loadShowroom((await params).tenant);
  if (showroom.state !== "open") return { title: "autolumiku" };
  const { tenant } = showroom;
  return {
    title: `${tenant.name} · Mobil bekas ${tenant.city ?? ""}`.trim(),
    description: tenant.tagline ?? undefined,
    alternates: { canonical: showroom.canonicalBase },
    openGraph: {
      title: tenant.name,
      description: tenant.tagline ?? undefined,
      url: showroom.canonicalBase,
      type: "website",
    },
  };
}

export default async function ShowroomHome({ params }: Params) {
  const showroom = await loadShowroom((await params).tenant);
  if (showroom.state !== "open") return null;
  const { tenant, t, base } = showroom;
  const { featured, newest, brands } = await loadHome(tenant.id);
  const { hero } = brandingImages(showroom.theme, tenant.id);
  const overPhoto = hero ? "[text-shadow:0_1px_2px_rgb(0_0_0/0.45)]" : "";
  const card = (vehicle: (typeof newest)[number]) => (
    <VehicleCard
      key={vehicle.id}
      vehicle={vehicle}
      base={base}
      bookedLabel={t("status.booked")}
      transmissionLabel={t(vehicle.transmission === "automatic" ? "catalog.automatic" : "catalog.manual")}
    />
  );
  return (
    <main>
      <section
        className={
          hero
            ? "relative isolate overflow-hidden bg-brand-secondary text-white"
            : "bg-primary text-primary-foreground"
        }
        data-testid="catalog-hero"
      >
        {hero ? (
          <>
            {/* Absolutely placed in a section whose height comes from its text: nothing shifts when the image arrives.
                The blur placeholder (base64 from our pipeline) shows at once; the photo paints over it. */}
            {hero.blurDataUrl ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={hero.blurDataUrl}
                alt=""
                aria-hidden="true"
                className="absolute inset-0 -z-20 h-full w-full scale-110 object-cover blur-xl"
              />
            ) : null}
            <picture>
              <PhotoSources sources={hero} sizes="100vw" />
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={hero.fallbackUrl}
                alt=""
                width={hero.width}
                height={hero.height}
                fetchPriority="high"
                className="absolute inset-0 -z-20 h-full w-full object-cover"
                data-testid="catalog-hero-image"
              />
            </picture>
            {/* A dark scrim under the text keeps white type readable on any photo (at least 4.5:1 over its darkest half). */}
            <div
              aria-hidden="true"
              className="absolute inset-0 -z-10 bg-gradient-to-t from-black/80 via-black/55 to-black/30"
            />
          </>
        ) : null}
        <div
          className={
            hero
              ? "mx-auto flex min-h-[22rem] max-w-6xl flex-col justify-end space-y-3 px-4 py-10 sm:min-h-[28rem]"
              : "mx-auto max-w-6xl space-y-3 px-4 py-10"
          }
        >
          <h1 className={`text-3xl font-bold tracking-tight sm:text-5xl ${overPhoto}`}>{tenant.name}</h1>
          {tenant.tagline ? (
            <p className={`max-w-xl text-lg opacity-95 ${overPhoto}`}>{tenant.tagline}</p>
          ) : null}
          <form action={`${base}/vehicles`} className="flex max-w-xl gap-2 pt-2">
            <label htmlFor="hero-q" className="sr-only">
              {t("catalog.query")}
            </label>
            <input
              id="hero-q"
              name="q"
              placeholder={t("catalog.query")}
              className="h-11 flex-1 rounded-md border-0 bg-background px-3 text-base text-foreground"
            />
            <Button type="submit" size="lg" variant="secondary">
              {t("catalog.search")}
            </Button>
          </form>
        </div>
      </section>
      <div className="mx-auto max-w-6xl space-y-10 px-4 py-8">
        <nav aria-label={t("catalog.brands")} className="flex flex-wrap gap-2">
          {brands.map((brand) => (
            <Link
              key={brand.brand}
              href={`${base}/vehicles?brand=${encodeURIComponent(brand.brand)}`}
              className="rounded-full border border-border px-3 py-2 text-sm hover:bg-muted"
            >
              {brand.brand} <span className="text-muted-foreground">({brand.count})</span>
            </Link>
          ))}
        </nav>
        {featured.length ? (
          <section className="space-y-4">
            <h2 className="text-xl font-semibold">{t("catalog.featured")}</h2>
            <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">{featured.map(card)}</ul>
          </section>
        ) : null}
        <section className="space-y-4">
          <h2 className="text-xl font-semibold">{t("catalog.newest")}</h2>
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">{newest.map(card)}</ul>
          <Button asChild variant="outline">
            <Link href={`${base}/vehicles`}>{t("catalog.seeAll")}</Link>
          </Button>
        </section>
      </div>
    </main>
  );
}
