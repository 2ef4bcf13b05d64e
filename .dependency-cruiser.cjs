// The layer order of autolumiku, enforced on every import (`npm run check:architecture`, and in CI).
//
//   app/, components/, scripts/, proxy.ts, instrumentation.ts     routes, pages, CLI, benchmarks
//   lib/jobs                                                      the job list (definitions + schedules)
//   lib/services, lib/actions, lib/seed                           use cases spanning domains; the action client
//   lib/<domain>                                                  one folder per concept, in the rank order below
//   lib/core (+ lib/generated, lib/utils.ts)                      env, errors, money, phone, i18n, db, queue, crypto
//
// A layer imports only from layers below it. Domains import only domains of a lower rank, so the
// domains can never form a cycle; a domain that needs a higher one is telling you a service (or an
// event) is missing. No file may take part in an import cycle, whatever the layers.

/** Domains, lowest first. Equal rank: neither may import the other. */
const DOMAIN_RANKS = [
  ["audit"],
  ["storage"],
  ["images"],
  ["tenancy"],
  ["auth"],
  ["settings", "staff", "notifications"],
  ["inventory"],
  ["leads"],
  ["catalog", "analytics"],
  ["whatsapp"],
  ["knowledge"],
  ["assistant"],
  ["admin"],
];

const CORE = "^lib/(core/|generated/|utils[.]ts$)";
const SERVICES = "^lib/(services|actions|seed)/";
const JOBS = "^lib/jobs/";
const APP = "^(app|components|scripts)/|^(proxy|instrumentation)[.]ts$";
const ALL_DOMAINS = DOMAIN_RANKS.flat();
const domainPath = (names) => `^lib/(${names.join("|")})/`;

const domainRules = DOMAIN_RANKS.flatMap((rank, index) => {
  const higher = DOMAIN_RANKS.slice(index).flat();
  return rank.map((domain) => ({
    name: `domain-order-${domain}`,
    comment: `lib/${domain} may import only lower domains (${DOMAIN_RANKS.slice(0, index).flat().join(", ") || "none"}) and lib/core.`,
    severity: "error",
    from: { path: `^lib/${domain}/` },
    to: { path: domainPath(higher.filter((other) => other !== domain)) },
  }));
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A file that imports itself through others: split it, or move the shared part down a layer.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-stays-core",
      comment: "lib/core knows no domain, service, job or page.",
      severity: "error",
      from: { path: CORE },
      to: { path: `^lib/(?!core/|generated/|utils[.]ts$)|${APP}` },
    },
    {
      name: "unknown-lib-folder",
      comment: "Every folder in lib/ has a place in the layer order (add a new domain to DOMAIN_RANKS).",
      severity: "error",
      from: { path: "^lib/" },
      to: {
        path: "^lib/",
        pathNot: `${CORE}|${SERVICES}|${JOBS}|${domainPath(ALL_DOMAINS)}`,
      },
    },
    ...domainRules,
    {
      name: "domains-below-services",
      comment: "A domain never imports a service, the action client, the seed or the job list.",
      severity: "error",
      from: { path: domainPath(ALL_DOMAINS) },
      to: { path: `${SERVICES}|${JOBS}` },
    },
    {
      name: "services-below-jobs",
      comment: "Services are called by jobs, not the other way round.",
      severity: "error",
      from: { path: SERVICES },
      to: { path: JOBS },
    },
    {
      name: "lib-below-app",
      comment: "lib/ never imports a route, page, component or script.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: APP },
    },
    {
      name: "only-lib-touches-the-database",
      comment: "Pages, components and scripts reach data through lib/ (types excepted).",
      severity: "error",
      from: { path: "^(app|components)/" },
      to: { path: "^lib/(core/db/|generated/)", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "components-below-app",
      comment: "Components are used by pages, never the reverse.",
      severity: "error",
      from: { path: "^components/" },
      // Server actions are the one thing a client component takes from a route folder.
      to: { path: "^app/", pathNot: "^app/.+/actions[.]ts$" },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "^(node_modules|lib/generated)" },
    exclude: { path: "^([.]next|[.]data)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
