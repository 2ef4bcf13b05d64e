// Building and running the Next.js server, shared by `npm start` and the end-to-end tests.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const DIST = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
const STAMP = path.join(DIST, "autolumiku-build.json");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "types",
  "prisma/schema.prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

async function* filesUnder(target: string): AsyncGenerator<string> {
  if (!existsSync(target)) return;
  if (!(await stat(target)).isDirectory()) {
    yield target;
    return;
  }
  for (const entry of (await readdir(target, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    yield* filesUnder(path.join(target, entry.name));
  }
}

/** A fingerprint of everything that goes into the build, so an unchanged checkout is not rebuilt. */
export async function sourceFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for await (const file of filesUnder(path.join(ROOT, source))) {
      hash
        .update(path.relative(ROOT, file))
        .update("\0")
        .update(await readFile(file))
        .update("\0");
    }
  }
  return hash.digest("hex");
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(args[0] ?? command)} ${args[1] ?? ""} exited with ${code}`)),
    );
  });
}

export async function buildIfNeeded(log: (line: string) => void): Promise<void> {
  const fingerprint = await sourceFingerprint();
  if (existsSync(path.join(DIST, "BUILD_ID")) && existsSync(STAMP)) {
    const stamp = JSON.parse(await readFile(STAMP, "utf8")) as { fingerprint?: string };
    if (stamp.fingerprint === fingerprint) {
      log("build is up to date");
      return;
    }
  }
  log("building the app (first start or sources changed; this takes a minute or two)");
  await run(process.execPath, [NEXT_BIN, "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  await writeFile(STAMP, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
}

export function startNext(options: {
  mode: "start" | "dev";
  port: number;
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
}): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, options.mode, "-p", String(options.port)], {
    stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...options.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s: ${String(lastError)}`);
}

export function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
