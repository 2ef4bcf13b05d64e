// `npm run check:architecture`: the layer order and cycles (dependency-cruiser with
// .dependency-cruiser.cjs), plus the rule a dependency checker cannot state: a lib/ module that
// touches the database, secrets or crypto imports "server-only", so it can never be bundled into
// a browser by accident. Exits non-zero on any violation; CI runs it.
import { spawnSync } from "node:child_process";
import path from "node:path";

interface Dependency {
  resolved: string;
  module: string;
  dependencyTypes: string[];
}
interface Module {
  source: string;
  dependencies: Dependency[];
}
interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}
interface CruiseResult {
  modules: Module[];
  summary: { violations: Violation[]; totalCruised: number; totalDependenciesCruised: number };
}

const ROOTS = ["lib", "app", "components", "scripts", "tests", "proxy.ts", "instrumentation.ts"];

/** A module working with a transaction touches the database, even when it imports only the Tx type. */
const DATABASE = /^lib\/core\/db\//;
/** What else makes a module server-only: the generated Prisma client, secrets at rest, hashing. */
const SENSITIVE = [
  DATABASE,
  /^lib\/generated\/prisma\/client\.ts$/,
  /^lib\/core\/crypto\.ts$/,
  /^(node:)?crypto$/,
  /^node_modules\/bcryptjs\//,
  /^node_modules\/pg\//,
];

function cruise(): CruiseResult {
  const bin = path.resolve("node_modules", ".bin", "depcruise");
  const run = spawnSync(
    bin,
    [...ROOTS, "--config", ".dependency-cruiser.cjs", "--output-type", "json", "--no-progress"],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.error) throw run.error;
  if (!run.stdout) throw new Error(`dependency-cruiser printed nothing:\n${run.stderr}`);
  return JSON.parse(run.stdout) as CruiseResult;
}

function serverOnlyMissing(modules: Module[]): string[] {
  return modules
    .filter((module) => module.source.startsWith("lib/") && !module.source.startsWith("lib/generated/"))
    .filter((module) =>
      module.dependencies.some(
        (dependency) =>
          (DATABASE.test(dependency.resolved) || !dependency.dependencyTypes.includes("type-only")) &&
          SENSITIVE.some((pattern) => pattern.test(dependency.resolved) || pattern.test(dependency.module)),
      ),
    )
    .filter((module) => !module.dependencies.some((dependency) => dependency.module === "server-only"))
    .map((module) => module.source);
}

const result = cruise();
const violations = result.summary.violations;
for (const violation of violations) {
  const cycle = violation.cycle?.length
    ? `\n      ${[violation.from, ...violation.cycle.map((step) => step.name)].join("\n      -> ")}`
    : ` -> ${violation.to}`;
  console.log(`  ${violation.rule.name}: ${violation.from}${cycle}`);
}
const missing = serverOnlyMissing(result.modules);
for (const file of missing) console.log(`  server-only: ${file} touches the database, secrets or crypto`);

const total = violations.length + missing.length;
console.log(
  `${total === 0 ? "ok" : "FAILED"}: ${result.summary.totalCruised} modules, ` +
    `${result.summary.totalDependenciesCruised} imports; ${violations.length} layer/cycle violations, ` +
    `${missing.length} modules missing "server-only"`,
);
process.exit(total === 0 ? 0 : 1);
