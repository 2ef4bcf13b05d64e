// A car in a catalog grid: photo without layout shift, honest status, price, key facts.
import Link from "next/link";
import { PhotoSources } from "@/components/catalog/photo-sources";
import { Badge } from "@/components/ui/badge";
import { formatRupiah } from "@/lib/core/money";
import { photoSources, readVariants } from "@/lib/images/photos";
import type { VehicleCard as Card } from "@/lib/inventory/search";

export function VehicleCard({
  vehicle,
  base,
  bookedLabel,
  transmissionLabel,
}: {
  vehicle: Card;
  base: string;
  bookedLabel: string;
  transmissionLabel: string;
}) {
  const photo = vehicle.photos[0];
  const sources = photo ? photoSources(readVariants(photo.variants)) : null;
  const title = `${vehicle.brand} ${vehicle.model} ${vehicle.variant ?? ""}`.trim();
  return (
    <li className="overflow-hidden rounded-lg border border-border bg-card shadow-sm transition-shadow focus-within:ring-2 focus-within:ring-ring hover:shadow-md">
      <Link href={`${base}/vehicles/${vehicle.slug}`} className="block focus:outline-none">
        <div
          className="relative aspect-[4/3] bg-muted bg-cover"
          style={photo ? { backgroundImage: `url(${photo.blurDataUrl})` } : undefined}
        >
          {sources ? (
            <picture>
              <PhotoSources
                sources={sources}
                sizes="(min-width: 1024px) 33vw, (min-width: 640px) 50vw, 100vw"
              />
              <img
                src={sources.fallbackUrl}
                alt={`${title} ${vehicle.year}`}
                width={photo?.width}
                height={photo?.height}
                loading="lazy"
                decoding="async"
                className="absolute inset-0 size-full object-cover"
              />
            </picture>
          ) : null}
          {vehicle.status === "booked" ? (
            <Badge variant="warning" className="absolute left-2 top-2">
              {bookedLabel}
            </Badge>
          ) : null}
        </div>
        <div className="space-y-1 p-4">
          <h3 className="font-semibold leading-snug">{title}</h3>
          <p className="text-sm text-muted-foreground">
            {vehicle.year} · {transmissionLabel} · {vehicle.mileageKm.toLocaleString("id-ID")} km
            {vehicle.city ? ` · ${vehicle.city}` : ""}
          </p>
          <p className="text-lg font-bold text-primary">{formatRupiah(vehicle.price)}</p>
        </div>
      </Link>
    </li>
  );
}
