// robots.txt per showroom, pointing at its own sitemap on whichever host serves it.
import { loadShowroom } from "@/lib/catalog/showroom";

export async function GET(
  request: Request,
  context: { params: Promise<{ tenant: string }> },
): Promise<Response> {
  const showroom = await loadShowroom((await context.params).tenant);
  if (showroom.state !== "open")
    return new Response("User-agent: *\nDisallow: /\n", {
      status: 404,
      headers: { "Content-Type": "text/plain" },
    });
  const host = request.headers.get("host") ?? new URL(request.url).host;
  const scheme = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  const base = showroom.base;
  const body = `User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: ${scheme}://${host}${base}/sitemap.xml\n`;
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
