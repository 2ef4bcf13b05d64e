// Prisma CLI settings. Only `prisma generate` is used from the CLI: migrations are plain SQL
// applied by our own runner (lib/core/db/migrate.ts), because the migrate engine cannot run offline.
import { defineConfig } from "prisma/config";

// `prisma generate` needs no schema engine, but the CLI insists on locating one and would try
// to download it. Any existing file satisfies the lookup; nothing is executed.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url:
      process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? "postgresql://localhost:5432/autolumiku",
  },
});
