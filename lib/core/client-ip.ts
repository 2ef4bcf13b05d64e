// The client's address for audit rows, sign-in records and view counts: read from X-Forwarded-For
// only as far as TRUSTED_PROXIES says proxies of ours wrote it. Each proxy appends the address it
// saw, so the N-th entry from the right is the one our outermost proxy saw; everything left of it
// came from the client and may be forged.
import { isIP } from "node:net";
import { getEnv } from "@/lib/core/env";

type HeaderSource = Headers | Record<string, unknown> | undefined;

function forwardedFor(headers: HeaderSource): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get("x-forwarded-for");
  const value = headers["x-forwarded-for"];
  if (Array.isArray(value)) return value.join(",");
  return typeof value === "string" ? value : null;
}

/** Null when no proxy is trusted, when the header is shorter than the proxy chain, or not an address. */
export function clientIp(headers: HeaderSource, trustedProxies = getEnv().TRUSTED_PROXIES): string | null {
  if (trustedProxies === 0) return null;
  const hops = (forwardedFor(headers) ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = hops[hops.length - trustedProxies];
  return candidate && isIP(candidate) ? candidate : null;
}
