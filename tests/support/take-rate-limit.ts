// Another app process, for tests/integration/rate-limit.test.ts: takes `count` times from one
// rate-limit rule through its own database connection and prints how many were allowed.
//   tsx --conditions=react-server tests/support/take-rate-limit.ts <rule> <limit> <windowSeconds> <count>
import { disconnectDb } from "@/lib/core/db/client";
import { takeRateLimit } from "@/lib/core/rate-limit";

const [name = "", limit = "0", windowSeconds = "60", count = "0"] = process.argv.slice(2);
const rule = { name, limit: Number(limit), windowSeconds: Number(windowSeconds) };
const decisions = await Promise.all(
  Array.from({ length: Number(count) }, () => takeRateLimit(rule, "shared-subject")),
);
console.log(JSON.stringify({ allowed: decisions.filter((decision) => decision.allowed).length }));
await disconnectDb();
