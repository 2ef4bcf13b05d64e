// A small square photo for lists: the smallest WebP variant over the blur placeholder.

import { readVariants } from "@/lib/images/photos";
import { getStorage } from "@/lib/storage";
import { cn } from "@/lib/utils";

export function Thumbnail({
  photo,
  alt,
  emptyLabel,
  className,
}: {
  photo?: { variants: unknown; blurDataUrl: string };
  alt: string;
  emptyLabel: string;
  className?: string;
}) {
  const smallest = photo
    ? readVariants(photo.variants).filter((variant) => variant.format === "webp")[0]
    : undefined;
  return (
    <div
      className={cn(
        "relative size-16 shrink-0 overflow-hidden rounded-md bg-muted bg-cover bg-center",
        className,
      )}
      style={photo ? { backgroundImage: `url(${photo.blurDataUrl})` } : undefined}
    >
      {smallest ? (
        <img
          src={getStorage().publicUrl(smallest.key)}
          alt={alt}
          loading="lazy"
          decoding="async"
          className="size-full object-cover"
        />
      ) : (
        <span className="flex size-full items-center justify-center p-1 text-center text-[10px] leading-tight text-muted-foreground">
          {emptyLabel}
        </span>
      )}
    </div>
  );
}
