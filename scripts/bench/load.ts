// A small closed-loop HTTP load generator: a fixed number of workers on keep-alive sockets, each
// sending its next request as soon as the last one finished, for a warm-up and then a measured span.
import http from "node:http";

export interface LoadOptions {
  /** http://host:port the sockets connect to. */
  origin: string;
  /** Host header to send (the app tells the platform host from showroom hosts by it). */
  hostHeader?: string;
  /** Request paths (with query); workers walk through them in turn. */
  paths: string[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** A response header whose values are counted (x-nextjs-cache). */
  countHeader?: string;
  timeoutMs?: number;
  /** How long requests in flight at the end may take to finish before they are cut off. */
  graceMs?: number;
}

export interface LoadResult {
  /** Requests that finished inside the measured span (latency counts from when each was sent). */
  requests: number;
  /** Every request sent, warm-up included. */
  sent: number;
  /** Requests still unanswered a grace period after the span ended; they were cut off, not counted. */
  unfinished: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
  /** Non-200 answers and failed requests inside the measured span. */
  errors: number;
  firstError?: string;
  /** Values of countHeader seen in the measured span ("(none)" when absent). */
  headerCounts: Record<string, number>;
  bytes: number;
}

interface Outcome {
  status: number;
  header?: string;
  bytes: number;
  error?: string;
}

function requestOnce(
  agent: http.Agent,
  target: URL,
  options: LoadOptions,
  path: string,
  inFlight: Set<http.ClientRequest>,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path,
        method: "GET",
        headers: { host: options.hostHeader ?? target.host, accept: "text/html" },
      },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => {
          const raw = options.countHeader ? response.headers[options.countHeader.toLowerCase()] : undefined;
          resolve({
            status: response.statusCode ?? 0,
            header: Array.isArray(raw) ? raw.join(",") : raw,
            bytes,
          });
        });
        response.on("error", (error) => resolve({ status: 0, bytes, error: error.message }));
        // A response cut off mid-body may end with neither "end" nor "error".
        response.on("close", () =>
          resolve({
            status: response.statusCode ?? 0,
            bytes,
            error: response.complete ? undefined : "aborted",
          }),
        );
      },
    );
    request.setTimeout(options.timeoutMs ?? 30_000, () => request.destroy(new Error("timeout")));
    request.on("error", (error) => resolve({ status: 0, bytes: 0, error: error.message }));
    request.on("close", () => inFlight.delete(request));
    inFlight.add(request);
    request.end();
  });
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array | number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(latencies: number[]): { p50: number; p99: number; mean: number; max: number } {
  const sorted = Float64Array.from(latencies).sort();
  const total = latencies.reduce((sum, value) => sum + value, 0);
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    mean: latencies.length ? total / latencies.length : Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.paths.length === 0) throw new Error("runLoad needs at least one path");
  const target = new URL(options.origin);
  // One socket per worker, kept open, as a browser or a CDN edge would.
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
    maxFreeSockets: options.concurrency,
  });
  const inFlight = new Set<http.ClientRequest>();
  const started = performance.now();
  const measureFrom = started + options.warmupMs;
  const measureTo = measureFrom + options.durationMs;
  const latencies: number[] = [];
  const headerCounts: Record<string, number> = {};
  let errors = 0;
  let unfinished = 0;
  let bytes = 0;
  let firstError: string | undefined;
  let cursor = 0;
  let cutOff = false;
  // A server that stalls must not stretch the run: whatever is still waiting a little after the end
  // is cut off (and counted), while requests that are merely in flight at the end finish normally.
  const cutOffTimer = setTimeout(
    () => {
      cutOff = true;
      for (const request of inFlight) request.destroy(new Error("cut off after the end of the run"));
    },
    measureTo - started + (options.graceMs ?? 2000),
  );

  const worker = async (): Promise<void> => {
    while (performance.now() < measureTo) {
      const path = options.paths[cursor % options.paths.length] ?? "/";
      cursor += 1;
      const sentAt = performance.now();
      const outcome = await requestOnce(agent, target, options, path, inFlight);
      const doneAt = performance.now();
      if (doneAt > measureTo) {
        if (cutOff && outcome.error) unfinished += 1;
        continue;
      }
      if (doneAt < measureFrom) continue;
      latencies.push(doneAt - sentAt);
      bytes += outcome.bytes;
      if (options.countHeader) {
        const key = outcome.header ?? "(none)";
        headerCounts[key] = (headerCounts[key] ?? 0) + 1;
      }
      if (outcome.status !== 200) {
        errors += 1;
        firstError ??= outcome.error ?? `HTTP ${outcome.status} for ${path}`;
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    clearTimeout(cutOffTimer);
    agent.destroy();
  }
  const stats = summarize(latencies);
  return {
    requests: latencies.length,
    sent: cursor,
    unfinished,
    rps: latencies.length / (options.durationMs / 1000),
    ...stats,
    errors,
    firstError,
    headerCounts,
    bytes,
  };
}

export interface FetchedPage {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

/** One GET with its own connection, keeping the whole body (used to warm caches and capture HTML). */
export function fetchOnce(
  origin: string,
  path: string,
  hostHeader?: string,
  timeoutMs = 120_000,
): Promise<FetchedPage> {
  const target = new URL(origin);
  const sentAt = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: "GET",
        headers: { host: hostHeader ?? target.host, accept: "text/html" },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - sentAt,
          }),
        );
        response.on("error", reject);
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`timeout after ${timeoutMs} ms: ${path}`)));
    request.on("error", reject);
    request.end();
  });
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order in the output. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  // One iterator shared by every lane: each entry is taken exactly once.
  const entries = items.entries();
  const lane = async (): Promise<void> => {
    for (const [index, item] of entries) results[index] = await work(item, index);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
