// Refreshes a showroom's cached catalog after a change has committed. Inside the Next server (a
// server action or route handler) it expires the tags directly; elsewhere (the CLI, a worker in
// another process) it asks the running server to, over a signed loopback request. Call it only
// after the transaction that made the change has committed, or a request in between could cache
// the old rows again.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { revalidateTag } from "next/cache";
import { catalogTag, TENANT_LOOKUP_TAG } from "@/lib/core/cache";
import { getEnv } from "@/lib/core/env";

export const REVALIDATE_SIGNATURE_HEADER = "x-autolumiku-signature";

function signingKey(): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return `revalidate:${secret}`;
}

export function signRevalidation(body: string): string {
  return createHmac("sha256", signingKey()).update(body).digest("hex");
}

export function verifyRevalidation(body: string, signature: string | null): boolean {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(signRevalidation(body), "hex"), Buffer.from(signature, "hex"));
}

/** Expires the tags now (not stale-while-revalidate): a car marked sold must leave search at once. */
export function expireTagsHere(tags: string[]): boolean {
  try {
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    return true;
  } catch (error) {
    // Outside a request Next has no store to record the revalidation in.
    if (error instanceof Error && error.message.includes("store missing")) return false;
    throw error;
  }
}

async function expireTagsRemotely(tags: string[]): Promise<void> {
  const body = JSON.stringify({ tags });
  // Without the shared secret this process cannot have been talking to a server's database
  // through the app (embedded mode writes it before anything starts); nothing to refresh.
  const env = getEnv();
  if (!env.AUTH_SECRET) return;
  const url = `${(env.INTERNAL_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/$/, "")}/api/internal/revalidate`;
  try {
    await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", [REVALIDATE_SIGNATURE_HEADER]: signRevalidation(body) },
      signal: AbortSignal.timeout(3000),
    });
  } catch {
    // No server running means nothing is cached (the cache lives in the server's memory).
  }
}

export async function revalidateCatalog(tenantId: string, options: { lookup?: boolean } = {}): Promise<void> {
  const tags = [catalogTag(tenantId), ...(options.lookup ? [TENANT_LOOKUP_TAG] : [])];
  if (!expireTagsHere(tags)) await expireTagsRemotely(tags);
}
