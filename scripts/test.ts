// `npm test`: every suite (unit, integration on a real PostgreSQL, end-to-end in Chromium) in one
// vitest run, closed by a plain "N passed, N failed" line.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

const report = path.resolve(".data", "test-report.json");
mkdirSync(path.dirname(report), { recursive: true });

const args = ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)];
const child = spawn(process.execPath, [path.resolve("node_modules", "vitest", "vitest.mjs"), ...args], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});

child.on("exit", (code) => {
  try {
    const result = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    const skipped = result.numPendingTests + result.numTodoTests;
    console.log(`\nTests: ${result.numPassedTests} passed, ${result.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
  } catch {
    console.log("\nTests: 0 passed, 1 failed");
  }
  process.exit(code ?? 1);
});
