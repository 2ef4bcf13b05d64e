// `npm run bench:webhook`: signed WhatsApp webhook events per second acknowledged with durable
// storage (signature check, raw event row and queue job in PostgreSQL) and their p50/p99 ack
// latency, next to a bare Node HTTP server answering 200 in the same run. Then a replay of 1,000
// events with 10% duplicates sent concurrently, processed by the real workers, assistant and
// outbox against a fake Graph API: it must end with exactly one stored message and one reply per
// unique message id. Its own embedded cluster (port EMBEDDED_PG_PORT+4), nothing else touched.

import { randomBytes } from "node:crypto";
import http from "node:http";
import os from "node:os";
import { systemActor } from "@/lib/audit/record";
import { encryptSecret } from "@/lib/core/crypto";
import { prepareDatabase } from "@/lib/core/db/bootstrap";
import { disconnectDb } from "@/lib/core/db/client";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { parseEnv } from "@/lib/core/env";
import { queueDepth, releaseQueue, startWorkers } from "@/lib/core/queue/queue";
import { createVehicle } from "@/lib/inventory/vehicles";
import { workerSetup } from "@/lib/jobs";
import { createTenant } from "@/lib/tenancy/tenants";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { startFakeGraphApi } from "../../tests/fakes/graph-api";
import { percentile } from "./load";

const args = new Map(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=") as [string, string]),
);
const DURATION_MS = Number(args.get("duration") ?? 10) * 1000;
const CONCURRENCY = Number(args.get("concurrency") ?? 32);
const REPLAY_EVENTS = Number(args.get("replay") ?? 1000);
const APP_SECRET = "bench-app-secret";
const TOKEN = "bench-token";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.WHATSAPP_APP_SECRET = APP_SECRET;
process.env.WHATSAPP_VERIFY_TOKEN = "bench";
process.env.ENCRYPTION_KEY ??= "bench-encryption-key-bench-encryption-key";
process.env.AUTH_SECRET ??= "bench-auth-secret-bench-auth-secret-0123";

function eventBody(phoneNumberId: string, from: string, id: string, text: string): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "62811", phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: "Pembeli" }, wa_id: from }],
              messages: [
                {
                  from,
                  id,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: "text",
                  text: { body: text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

function serve(
  handler: (body: Buffer, headers: http.IncomingHttpHeaders) => Promise<{ status: number; body: string }>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      handler(Buffer.concat(chunks), request.headers).then(
        (answer) =>
          response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

function post(agent: http.Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: "/api/webhooks/whatsapp",
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signWebhookBody(body, APP_SECRET),
          "content-length": Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

interface Measured {
  events: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Closed loop: CONCURRENCY clients, each posting its next signed event when the last was acknowledged. */
async function measure(origin: string, phoneNumberId: string): Promise<Measured> {
  const url = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  const warmupEnd = performance.now() + 1000;
  const end = warmupEnd + DURATION_MS;
  const client = async () => {
    while (performance.now() < end) {
      const body = eventBody(
        phoneNumberId,
        `62899${randomBytes(3).toString("hex")}`,
        `wamid.bench.${randomBytes(8).toString("hex")}`,
        "ada avanza matic?",
      );
      const started = performance.now();
      const status = await post(agent, url, body).catch(() => 0);
      const done = performance.now();
      if (started < warmupEnd || done > end) continue;
      latencies.push(done - started);
      if (status !== 200) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    events: latencies.length,
    rps: latencies.length / (DURATION_MS / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors,
  };
}

async function main(): Promise<void> {
  const base = parseEnv({ ...process.env, DATABASE_URL: undefined, DATABASE_ADMIN_URL: undefined });
  const log = (line: string) => console.log(`[bench] ${line}`);
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_ADMIN_URL;
  const database = await prepareDatabase({
    env: base,
    log,
    cluster: "bench-webhook-postgres",
    port: base.EMBEDDED_PG_PORT + 4,
    database: "autolumiku_bench_webhook",
    whenRunning: "reuse",
  });
  const graph = await startFakeGraphApi({ token: TOKEN });
  process.env.WHATSAPP_GRAPH_API_URL = graph.url;
  const stops: (() => Promise<void>)[] = [() => graph.close(), () => database.stop()];
  try {
    const phoneNumberId = String(Date.now()).slice(-9);
    const tenant = await createTenant(
      { slug: `bench-wa-${randomBytes(3).toString("hex")}`, name: "Bench Motor" },
      systemActor("cli"),
    );
    await withTenant(tenant.id, async (tx) => {
      await tx.tenant.update({
        where: { id: tenant.id },
        data: {
          whatsappPhoneNumberId: phoneNumberId,
          whatsappAccessTokenEnc: encryptSecret(TOKEN, process.env.ENCRYPTION_KEY ?? ""),
        },
      });
      await createVehicle(tx, {
        tenantId: tenant.id,
        actor: systemActor("cli"),
        input: {
          stockCode: "AV-1",
          brand: "Toyota",
          model: "Avanza",
          year: 2020,
          transmission: "automatic",
          mileageKm: 40_000,
          price: 185_000_000n,
        },
      });
    });

    // Both servers are plain node:http in this process: the difference is exactly our handler.
    const { POST } = await import("@/app/api/webhooks/whatsapp/route");
    const app = await serve(async (body, headers) => {
      const request = new Request("http://localhost/api/webhooks/whatsapp", {
        method: "POST",
        body: new Uint8Array(body),
        headers: { "x-hub-signature-256": String(headers["x-hub-signature-256"] ?? "") },
      });
      const response = await POST(request);
      return { status: response.status, body: await response.text() };
    });
    const bare = await serve(async () => ({ status: 200, body: '{"received":true}' }));
    stops.unshift(
      () => app.close(),
      () => bare.close(),
    );

    log(`measuring ${DURATION_MS / 1000} s at concurrency ${CONCURRENCY} (workers stopped: acks only)`);
    const ours = await measure(app.url, phoneNumberId);
    const baseline = await measure(bare.url, phoneNumberId);

    log(`replaying ${REPLAY_EVENTS} events with 10% duplicates, concurrently, with workers running`);
    const unique = Math.round(REPLAY_EVENTS * 0.9);
    const originals = Array.from({ length: unique }, (_, index) =>
      eventBody(
        phoneNumberId,
        `62877${String(index).padStart(6, "0")}`,
        `wamid.replay.${index}`,
        "ada avanza matic budget 200 juta?",
      ),
    );
    const duplicates = Array.from(
      { length: REPLAY_EVENTS - unique },
      (_, index) => originals[(index * 7) % unique] ?? "",
    );
    const replay = [...originals, ...duplicates].sort(() => Math.random() - 0.5);
    const sentBefore = graph.sent.length;
    const workers = await startWorkers(workerSetup(), { concurrency: 8 });
    stops.unshift(() => workers.stop());
    const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
    const url = new URL(app.url);
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (cursor < replay.length) {
          const body = replay[cursor] ?? "";
          cursor += 1;
          await post(agent, url, body);
        }
      }),
    );
    agent.destroy();
    const replayStarted = performance.now();
    for (;;) {
      const depth = await withPlatformAccess(
        { actor: { kind: "system", name: "cli" }, action: "bench.queue", entity: "queue" },
        (tx) => queueDepth(tx),
      );
      if (depth.waiting === 0 && performance.now() - replayStarted > 2000) break;
      if (performance.now() - replayStarted > 10 * 60_000)
        throw new Error("the queue did not drain in 10 minutes");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stored = await withTenant(tenant.id, (tx) =>
      tx.waMessage.count({ where: { direction: "inbound", wamid: { startsWith: "wamid.replay." } } }),
    );
    const replies = graph.sent
      .slice(sentBefore)
      .filter((request) => request.method === "POST" && JSON.stringify(request.body).includes('"to":"62877'));
    const repliesPerRecipient = new Map<string, number>();
    for (const request of replies) {
      const to = /"to":"(\d+)"/.exec(JSON.stringify(request.body))?.[1] ?? "";
      repliesPerRecipient.set(to, (repliesPerRecipient.get(to) ?? 0) + 1);
    }
    const twice = [...repliesPerRecipient.values()].filter((count) => count > 1).length;

    const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(2));
    const lines = [
      `bench:webhook on ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
      `command: npm run bench:webhook -- --duration=${DURATION_MS / 1000} --concurrency=${CONCURRENCY}`,
      ``,
      `| server | events/s | p50 ms | p99 ms | errors |`,
      `|---|---|---|---|---|`,
      `| webhook (signature + raw event + queue job in PostgreSQL) | ${ours.rps.toFixed(0)} | ${ours.p50.toFixed(2)} | ${ours.p99.toFixed(2)} | ${ours.errors} |`,
      `| bare node:http answering 200 | ${baseline.rps.toFixed(0)} | ${baseline.p50.toFixed(2)} | ${baseline.p99.toFixed(2)} | ${baseline.errors} |`,
      `| ratio (webhook / bare) | ${ratio(ours.rps, baseline.rps)} | ${ratio(ours.p50, baseline.p50)} | ${ratio(ours.p99, baseline.p99)} | |`,
      ``,
      `replay: ${REPLAY_EVENTS} events (${unique} unique message ids, ${REPLAY_EVENTS - unique} duplicates) -> ${stored} stored, ${repliesPerRecipient.size} buyers answered, ${twice} answered twice`,
    ];
    console.log(`\n${lines.join("\n")}`);
    const correct = stored === unique && repliesPerRecipient.size === unique && twice === 0;
    if (!correct) {
      console.error(
        "replay check FAILED: expected exactly one stored message and one reply per unique message id",
      );
      process.exitCode = 1;
    }
  } finally {
    for (const stop of stops) await stop().catch(() => {});
    await releaseQueue().catch(() => {});
    await disconnectDb().catch(() => {});
  }
}

await main();
