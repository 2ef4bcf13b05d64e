// Runs what `npm start` does before it builds and serves (scripts/lib/startup.ts), as its own
// process with the environment it is given, and prints the outcome as one JSON line; a refused
// start prints its message on stderr and exits 3. Used by tests/integration/production-start.test.ts.
import { disconnectDb } from "@/lib/core/db/client";
import { parseEnv } from "@/lib/core/env";
import { prepareStart } from "../../scripts/lib/startup";

const env = parseEnv(process.env);
try {
  const prepared = await prepareStart({
    env,
    selfUrl: "http://127.0.0.1:9",
    log: (line) => console.error(`[log] ${line}`),
    warn: (line) => console.error(`[warn] ${line}`),
  });
  console.log(JSON.stringify({ production: prepared.production, seeded: prepared.seeded }));
  await disconnectDb();
  await prepared.database.stop();
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(3);
}
