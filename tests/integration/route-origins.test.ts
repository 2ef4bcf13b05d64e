// Every state-changing route handler in app/ (each app/**/route.ts exporting POST, PUT, PATCH or
// DELETE) either refuses a signed-in browser's request from a foreign site with 403 (the action
// client's Origin check), or is listed below as one that no cookie authenticates, and then uses no
// session at all. A new cookie route that skips the action client fails here.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/core/i18n/messages";
import { makeTenant, makeUser } from "../support/factories";
import { signInAs } from "../support/framework";

const UNSAFE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** Routes no cookie authenticates, and what protects each instead. */
const NO_COOKIE_ROUTES: Record<string, string> = {
  "app/api/webhooks/whatsapp/route.ts": "Meta's webhook: HMAC-SHA256 signature of the raw body",
  "app/api/internal/revalidate/route.ts":
    "the CLI's and workers' loopback: HMAC of the body with AUTH_SECRET",
  "app/api/graph-sim/[...path]/route.ts": "offline Graph API stand-in: a showroom's bearer token",
  "app/api/catalog/views/route.ts": "public view beacon: no session, counts one view per car and day",
  "app/api/auth/[...nextauth]/route.ts":
    "next-auth's sign-in and sign-out: its own double-submit CSRF token, before any session exists",
};
/** What a route would use to read a session; a route listed above must use none of it. */
const SESSION_APIS =
  /\b(cookies|getServerSession|requireSignedIn|staffAction|adminAction|accountAction|secondFactorAction)\b/;

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return routeFiles(full);
      return Promise.resolve(entry.name === "route.ts" ? [full] : []);
    }),
  );
  return nested.flat();
}

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

function isHandler(value: unknown): value is Handler {
  return typeof value === "function";
}

/** The URL a route answers on, with made-up values for its dynamic segments. */
function urlAndParams(file: string): { url: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const segments = path
    .relative("app", path.dirname(file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const catchAll = segment.match(/^\[\.\.\.(.+)\]$/)?.[1];
      if (catchAll) {
        params[catchAll] = ["x"];
        return "x";
      }
      const dynamic = segment.match(/^\[(.+)\]$/)?.[1];
      if (!dynamic) return segment;
      const value = randomUUID();
      params[dynamic] = value;
      return value;
    });
  return { url: `http://localhost/${segments.join("/")}`, params };
}

const files = (await routeFiles(path.resolve("app")))
  .map((file) => path.relative(process.cwd(), file))
  .sort();

describe("cookie-authenticated routes and the Origin check", () => {
  it("finds the routes (the walk itself works)", () => {
    expect(files).toContain("app/api/dashboard/settings/branding/route.ts");
    expect(files).toContain("app/api/admin/showrooms/route.ts");
  });

  for (const file of files) {
    it(`${file}: every state-changing method refuses a foreign Origin, or no cookie authenticates it`, async () => {
      const module: Record<string, unknown> = await import(path.resolve(file));
      const methods = UNSAFE_METHODS.filter((method) => isHandler(module[method]));
      if (methods.length === 0) return;
      const exempt = NO_COOKIE_ROUTES[file];
      if (exempt) {
        if (!file.includes("[...nextauth]"))
          expect(await readFile(file, "utf8"), `${file} (${exempt})`).not.toMatch(SESSION_APIS);
        return;
      }
      const tenant = await makeTenant();
      signInAs(await makeUser({ tenantId: tenant.id, role: "owner" }));
      const { url, params } = urlAndParams(file);
      for (const method of methods) {
        const handler = module[method];
        if (!isHandler(handler)) continue;
        const call = (origin: string) =>
          handler(
            new Request(url, {
              method,
              body: "{}",
              headers: { origin, cookie: "next-auth.session-token=x", "content-type": "application/json" },
            }),
            { params: Promise.resolve(params) },
          );
        const foreign = await call("https://evil.example");
        expect(foreign.status, `${method} ${file}`).toBe(403);
        expect(await foreign.json()).toMatchObject({ message: MESSAGES.id["action.foreignOrigin"] });
        // The refusal is about the Origin: from our own pages the same request gets past it.
        const own = await call("http://localhost");
        const body: unknown = await own.json().catch(() => null);
        expect(body, `${method} ${file} from our own origin`).not.toMatchObject({
          message: MESSAGES.id["action.foreignOrigin"],
        });
      }
    });
  }
});
