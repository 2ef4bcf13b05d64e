// Showroom slugs: the /{slug} path and the {slug}.{ROOT_DOMAIN} subdomain. Names the platform
// uses for itself can never be slugs.
export const RESERVED_SLUGS = new Set([
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "blog",
  "cdn",
  "dashboard",
  "docs",
  "favicon.ico",
  "help",
  "login",
  "logout",
  "mail",
  "media",
  "account",
  "graph-sim",
  "internal",
  "new",
  "robots.txt",
  "settings",
  "signup",
  "sitemap.xml",
  "static",
  "status",
  "support",
  "uploads",
  "www",
  "_next",
  "health",
  "webhooks",
  "simulator",
]);

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type SlugProblem = "format" | "reserved";

export function checkSlug(slug: string): SlugProblem | null {
  if (!SLUG.test(slug)) return "format";
  if (RESERVED_SLUGS.has(slug)) return "reserved";
  return null;
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/g, "");
}
