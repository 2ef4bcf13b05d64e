// The per-request security headers the proxy adds: the Content Security Policy of each kind of
// response and HSTS over https. Headers that never vary (nosniff, Referrer-Policy,
// Permissions-Policy, X-Frame-Options) are set for every path in next.config.mjs.
//
// - Platform pages (dashboard, console, sign-in) render per request, so their scripts carry a
//   fresh nonce: only Next's own scripts run ('strict-dynamic' trusts what they load).
// - Catalog pages are cached HTML shared by every visitor, so a per-request nonce cannot be in
//   them; their scripts are limited to this origin plus Next's inline bootstrap ('unsafe-inline').
//   Showroom text is escaped by React and never reaches a script.
// - API answers and redirects are data: nothing in them may load or run.
// Every page refuses to be framed (frame-ancestors 'none'), and forms post only to this origin.

export type ResponseSurface = "page" | "catalog" | "api" | "media";

export interface SecurityContext {
  surface: ResponseSurface;
  /** The request came over https (directly, or as a trusted proxy says). */
  https: boolean;
  /** `next dev`: React's refresh needs eval and a websocket. */
  dev: boolean;
  /** Other origins photos come from (S3_PUBLIC_URL's). */
  imageOrigins: string[];
  /** Platform pages only; a page without one may run no script. */
  nonce?: string;
}

export const HSTS = "max-age=31536000";

/** 128 random bits, base64: unguessable, and new for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

function scriptSources(context: SecurityContext): string[] {
  const sources =
    context.surface !== "page"
      ? ["'self'", "'unsafe-inline'"]
      : context.nonce
        ? ["'self'", `'nonce-${context.nonce}'`, "'strict-dynamic'"]
        : ["'none'"];
  return context.dev ? [...sources, "'unsafe-eval'"] : sources;
}

/** The policy for a response, or null where none is set (media files: PDFs break under one). */
export function contentSecurityPolicy(context: SecurityContext): string | null {
  if (context.surface === "media") return null;
  if (context.surface === "api") return "default-src 'none'; frame-ancestors 'none'";
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources(context).join(" ")}`,
    // React and the toaster set style attributes; a style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${["'self'", "data:", "blob:", ...context.imageOrigins].join(" ")}`,
    "font-src 'self' data:",
    `connect-src 'self'${context.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(context.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers to add to the response. */
export function securityHeaders(context: SecurityContext): Record<string, string> {
  const csp = contentSecurityPolicy(context);
  return {
    ...(csp ? { "Content-Security-Policy": csp } : {}),
    ...(context.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/**
 * Whether the browser's connection was https: the URL Next saw, or X-Forwarded-Proto when a
 * trusted proxy (TRUSTED_PROXIES > 0) terminated TLS; a client cannot claim it otherwise.
 */
export function requestIsHttps(url: URL, headers: Headers, trustedProxies: number): boolean {
  if (url.protocol === "https:") return true;
  if (trustedProxies === 0) return false;
  return (headers.get("x-forwarded-proto") ?? "").split(",")[0]?.trim().toLowerCase() === "https";
}

/** The origin of a URL setting, for img-src; null when unset or not a URL. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
