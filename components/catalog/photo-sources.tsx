// The AVIF and WebP renditions of one photo inside a <picture>: the browser takes the first format
// it can show, at the width the sizes hint asks for; the <img> after them is the fallback.
export function PhotoSources({
  sources,
  sizes,
}: {
  sources: { avifSrcSet: string; webpSrcSet: string };
  sizes: string;
}) {
  return (
    <>
      <source type="image/avif" srcSet={sources.avifSrcSet} sizes={sizes} />
      <source type="image/webp" srcSet={sources.webpSrcSet} sizes={sizes} />
    </>
  );
}
