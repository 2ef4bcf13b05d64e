// The framework's edges as an integration test sees them: who is signed in (next-auth's session),
// the request's headers and cookies (next/headers), and the cache tags expired (next/cache). Faked
// once for every integration test by tests/support/setup-integration.ts; everything behind them,
// our own modules included, runs for real. Reset before each test.
//
// No import of lib/core/cache here: the next/cache fake loads this file, and lib/core/cache loads
// next/cache. The two tags below are lib/core/cache's catalogTag(tenantId) and TENANT_LOOKUP_TAG.
// The session is a real next-auth JWT (uid, sid, sv), minted at signInAs with the account's session
// version at that moment, so a later bump (password, reset, role, deactivation...) ends it as it
// would in a browser. It is the session cookie as lib/ reads and writes it through next/headers,
// kept apart from cookieJar() (the other cookies), which tests count and clear.
import { decode, encode } from "next-auth/jwt";
import { getEnv, setEnv } from "@/lib/core/env";

const CATALOG_TAG_PREFIX = "catalog:";
const TENANT_LOOKUP_TAG = "tenant-lookup";

interface Edges {
  userId: string | null;
  sessionId: string;
  /** The session cookie's value: minted by signInAs, re-issued by lib/ (a password change). */
  sessionToken: Promise<string | null>;
  headers: Record<string, string>;
  cookies: Map<string, string>;
  expiredTags: string[];
}

const edges: Edges = {
  userId: null,
  sessionId: "",
  sessionToken: Promise.resolve(null),
  headers: {},
  cookies: new Map(),
  expiredTags: [],
};

export function resetFramework(): void {
  edges.userId = null;
  edges.sessionToken = Promise.resolve(null);
  // A fresh sign-in per test: the super admin's second-factor proof is bound to it.
  edges.sessionId = `sid-${Math.random().toString(36).slice(2)}`;
  edges.headers = {};
  edges.cookies.clear();
  edges.expiredTags = [];
  setEnv({ TRUSTED_PROXIES: "0" });
}

const authSecret = () => getEnv().AUTH_SECRET ?? "";

/** The session next-auth would issue now: the account's current session version, this sign-in's id. */
async function mintSession(userId: string, sessionId: string): Promise<string> {
  const { currentSessionVersion } = await import("@/lib/auth/session");
  const sv = (await currentSessionVersion(userId)) ?? undefined;
  return encode({ token: { sub: userId, uid: userId, sid: sessionId, sv }, secret: authSecret() });
}

/**
 * Signed in as `user` from now on; `sessionId` names another sign-in of the same account. Await it
 * when the test changes the account next (the session takes the version of the moment it resolves).
 */
export function signInAs(user: { id: string }, options: { sessionId?: string } = {}): Promise<void> {
  edges.userId = user.id;
  if (options.sessionId) edges.sessionId = options.sessionId;
  const token = mintSession(user.id, edges.sessionId);
  edges.sessionToken = token;
  return token.then(() => undefined);
}

/** The browser forgets its session (the session itself is not ended on the server). */
export function signOut(): void {
  edges.userId = null;
  edges.sessionToken = Promise.resolve(null);
}

/** The session cookie's value, as lib/ reads it (next/headers) and a stolen copy would be. */
export function sessionToken(): Promise<string | null> {
  return edges.sessionToken;
}

/** The browser keeps what the server set (a re-issued session), or loses it (`null`). */
export function setSessionToken(value: string | null): void {
  edges.sessionToken = Promise.resolve(value);
}

/** The headers of every request from now on (server actions read them through next/headers). */
export function withRequestHeaders(headers: Record<string, string>): void {
  edges.headers = { ...headers };
}

/**
 * The app behind one reverse proxy (TRUSTED_PROXIES=1) that saw `ip`: server actions get it in
 * X-Forwarded-For; route tests put `proxyHeaders(ip)` on their Request.
 */
export function behindProxy(ip: string): void {
  setEnv({ TRUSTED_PROXIES: "1" });
  withRequestHeaders({ ...edges.headers, ...proxyHeaders(ip) });
}

export function proxyHeaders(ip: string): Record<string, string> {
  return { "x-forwarded-for": ip };
}

/** The browser's cookies for this test (the language, the second-factor proof). */
export function cookieJar(): Map<string, string> {
  return edges.cookies;
}

/** Who is signed in and with which sign-in (the sid the second-factor proof is bound to). */
export function currentSession(): { user: { id: string }; sid: string } | null {
  return edges.userId ? { user: { id: edges.userId }, sid: edges.sessionId } : null;
}

/** What next-auth's getServerSession answers: the session cookie, decoded as next-auth does. */
export async function serverSession(): Promise<{ user: { id: string }; sid?: string; sv?: number } | null> {
  const token = await edges.sessionToken;
  if (!token) return null;
  const claims = await decode({ token, secret: authSecret() });
  if (!claims?.uid) return null;
  return { user: { id: claims.uid }, sid: claims.sid, sv: claims.sv };
}

export function requestHeaders(): Headers {
  return new Headers(edges.headers);
}

export function recordExpiredTag(tag: string): void {
  edges.expiredTags.push(tag);
}

/**
 * Catalog revalidations, read back from the tags expired at next/cache: each starts with the
 * showroom's catalog tag, and `lookup` when the tenant lookup tag followed it.
 */
export function revalidatedCatalogs(): { tenantId: string; lookup: boolean }[] {
  const calls: { tenantId: string; lookup: boolean }[] = [];
  for (const tag of edges.expiredTags) {
    const last = calls.at(-1);
    if (tag === TENANT_LOOKUP_TAG && last) last.lookup = true;
    else if (tag.startsWith(CATALOG_TAG_PREFIX))
      calls.push({ tenantId: tag.slice(CATALOG_TAG_PREFIX.length), lookup: false });
  }
  return calls;
}

/** The showrooms whose catalog was revalidated, in order. */
export function revalidatedTenants(): string[] {
  return revalidatedCatalogs().map((call) => call.tenantId);
}
