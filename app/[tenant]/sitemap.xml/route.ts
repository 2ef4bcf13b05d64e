// sitemap.xml per showroom, with the showroom's canonical addresses (own domain, else /{slug}).

import { loadSitemap } from "@/lib/catalog/data";
import { loadShowroom } from "@/lib/catalog/showroom";

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

export async function GET(
  _request: Request,
  context: { params: Promise<{ tenant: string }> },
): Promise<Response> {
  const showroom = await loadShowroom((await context.params).tenant);
  if (showroom.state !== "open") return new Response("Not found", { status: 404 });
  const vehicles = await loadSitemap(showroom.tenant.id);
  const base = showroom.canonicalBase;
  const urls = [
    { loc: base, lastmod: null },
    { loc: `${base}/vehicles`, lastmod: null },
    { loc: `${base}/contact`, lastmod: null },
    ...vehicles.map((vehicle) => ({
      loc: `${base}/vehicles/${vehicle.slug}`,
      lastmod: vehicle.updatedAt.toISOString(),
    })),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map(
      (url) =>
        `  <url><loc>${escapeXml(url.loc)}</loc>${url.lastmod ? `<lastmod>${url.lastmod}</lastmod>` : ""}</url>`,
    )
    .join("\n")}\n</urlset>\n`;
  return new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
