// `npm run worker`: queue workers in their own process (set RUN_WORKERS=false for the web server).

import { disconnectDb } from "@/lib/core/db/client";
import { parseEnv } from "@/lib/core/env";
import { ensureWorkers, stopWorkers } from "@/lib/jobs/workers";
import { ensureServerSecrets, loadDotEnv, MissingSecretsError } from "./lib/secrets";

loadDotEnv();
const env = parseEnv(process.env);
if (!env.DATABASE_URL) {
  console.error(
    "Set DATABASE_URL (and ENCRYPTION_KEY) to the same database as the web server; with the embedded database, workers run inside `npm start`.",
  );
  process.exit(2);
}
// An external database: the same secrets as the web server, from the environment, never generated.
try {
  await ensureServerSecrets({ dataDir: env.DATA_DIR, production: true, missing: "refuse" });
} catch (error) {
  if (!(error instanceof MissingSecretsError)) throw error;
  console.error(error.message);
  process.exit(2);
}
await ensureWorkers();
console.log("autolumiku workers running; Ctrl-C to stop");
const shutdown = async () => {
  await stopWorkers();
  await disconnectDb();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
