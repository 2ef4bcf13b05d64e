import type { MetadataRoute } from "next";

/** The platform host: showrooms' catalogs are public, the console and the dashboard are not. */
export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: "*", allow: "/", disallow: ["/dashboard", "/admin", "/login", "/api/"] }] };
}
