// The request an action answers: its headers (server actions read them from Next, route handlers
// from the Request), the client's address from them, and the cross-site check for routes.
import "server-only";
import { headers as nextHeaders } from "next/headers";
import { clientIp } from "@/lib/core/client-ip";
import { appUrl, getEnv } from "@/lib/core/env";

export interface ActionRequest {
  headers: Headers;
}

export async function serverActionRequest(): Promise<ActionRequest> {
  return { headers: new Headers(await nextHeaders()) };
}

export function ipOf(request: ActionRequest): string | null {
  return clientIp(request.headers);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * A state-changing route called with the session cookie must come from our own pages: the browser
 * always sends Origin on such requests, and a page on another site cannot make it ours. Server
 * actions get the same check from Next itself.
 */
export function fromOwnOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  const originHost = hostOf(origin);
  // X-Forwarded-Host names our host only when a proxy of ours wrote it (TRUSTED_PROXIES).
  const forwardedHost = getEnv().TRUSTED_PROXIES > 0 ? request.headers.get("x-forwarded-host") : null;
  const own = [forwardedHost, request.headers.get("host"), hostOf(request.url), hostOf(appUrl())].map(
    (host) => host?.toLowerCase(),
  );
  return originHost !== null && own.includes(originHost);
}
