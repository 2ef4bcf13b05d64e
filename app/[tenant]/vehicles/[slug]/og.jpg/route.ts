// The OpenGraph image of one car (what WhatsApp, Facebook and Google show for a shared link):
// its main photo as a 1200x630 JPEG, which every preview crawler reads, with a strip in the
// showroom's colour. Cached like the car's page: rendered on the first request (sharp costs
// ~140 ms of CPU), then served from Next's cache under the showroom's catalog tag, so the change
// that refreshes the page (a new main photo, a new colour) renders it again, and nothing else does.
import sharp from "sharp";
import { loadVehicle } from "@/lib/catalog/data";
import { loadShowroom } from "@/lib/catalog/showroom";
import { readVariants } from "@/lib/images/photos";
import { getStorage } from "@/lib/storage";

export const dynamicParams = true;
export const revalidate = 86400;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const WIDTH = 1200;
const HEIGHT = 630;
const STRIP = 18;

export async function GET(
  _request: Request,
  context: { params: Promise<{ tenant: string; slug: string }> },
): Promise<Response> {
  const { tenant, slug } = await context.params;
  const showroom = await loadShowroom(tenant);
  if (showroom.state !== "open") return new Response("Not found", { status: 404 });
  const vehicle = await loadVehicle(showroom.tenant.id, slug);
  const photo = vehicle?.photos[0];
  if (!vehicle || !photo) return new Response("Not found", { status: 404 });
  // The largest WebP variant is plenty for 1200 px and avoids decoding AVIF.
  const source = readVariants(photo.variants)
    .filter((variant) => variant.format === "webp")
    .sort((a, b) => b.width - a.width)[0];
  const stored = source ? await getStorage().get(source.key) : null;
  if (!stored) return new Response("Not found", { status: 404 });
  const strip = await sharp({
    create: { width: WIDTH, height: STRIP, channels: 3, background: showroom.theme.primary },
  })
    .png()
    .toBuffer();
  const image = await sharp(stored.bytes)
    .resize(WIDTH, HEIGHT, { fit: "cover", position: "attention" })
    .composite([{ input: strip, top: HEIGHT - STRIP, left: 0 }])
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
  return new Response(new Uint8Array(image), {
    headers: {
      "content-type": "image/jpeg",
      "cache-control": "public, max-age=3600, stale-while-revalidate=86400",
    },
  });
}
