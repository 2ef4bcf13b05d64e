// `npm test`: every suite (unit, integration on a real PostgreSQL, end-to-end in Chromium) in one
// vitest run, closed by a plain "N passed, N failed" line.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface Report {
  success: boolean;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

const report = path.resolve(".data", "test-report.json");
mkdirSync(path.dirname(report), { recursive: true });

const args = [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, [path.resolve("node_modules", "vitest", "vitest.mjs"), ...args], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});

child.on("exit", (code) => {
  try {
    const result = JSON.parse(readFileSync(report, "utf8")) as Report;
    // A file that fails before its tests run (a setup error) fails no single test but fails the run.
    const brokenFiles = result.testResults.filter(
      (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
    ).length;
    const failed = result.numFailedTests + brokenFiles;
    const skipped = result.numPendingTests + result.numTodoTests;
    console.log(
      `\nTests: ${result.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`,
    );
    process.exit(failed > 0 || !result.success ? 1 : (code ?? 1));
  } catch {
    console.log("\nTests: 0 passed, 1 failed");
    process.exit(1);
  }
});
