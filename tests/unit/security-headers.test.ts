// The Content Security Policy of each kind of response and HSTS only over https (what a proxy of
// ours says counts only when TRUSTED_PROXIES trusts it).
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  newNonce,
  requestIsHttps,
  type SecurityContext,
  securityHeaders,
} from "@/lib/core/security-headers";

const base: SecurityContext = { surface: "page", https: false, dev: false, imageOrigins: [] };
const directives = (policy: string | null) =>
  Object.fromEntries(
    (policy ?? "").split("; ").map((directive) => {
      const [name = "", ...values] = directive.split(" ");
      return [name, values];
    }),
  );

describe("content security policy", () => {
  it("lets platform pages run only scripts carrying this request's nonce", () => {
    const nonce = newNonce();
    const policy = directives(contentSecurityPolicy({ ...base, nonce }));
    expect(policy["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["script-src"]).not.toContain("'unsafe-eval'");
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'self'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
    // Styles carry no nonce: one would make browsers ignore 'unsafe-inline' for style attributes.
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("lets a platform page without a nonce run no script at all", () => {
    expect(directives(contentSecurityPolicy(base))["script-src"]).toEqual(["'none'"]);
  });

  it("gives cached catalog pages a policy without a nonce, still unframeable", () => {
    const policy = directives(
      contentSecurityPolicy({ ...base, surface: "catalog", imageOrigins: ["https://cdn.example.id"] }),
    );
    expect(policy["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy["img-src"]).toEqual(["'self'", "data:", "blob:", "https://cdn.example.id"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
  });

  it("lets nothing load from API answers and leaves media files alone", () => {
    expect(contentSecurityPolicy({ ...base, surface: "api" })).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(contentSecurityPolicy({ ...base, surface: "media" })).toBeNull();
  });

  it("allows eval and the reload socket only under next dev", () => {
    const policy = directives(contentSecurityPolicy({ ...base, dev: true, nonce: newNonce() }));
    expect(policy["script-src"]).toContain("'unsafe-eval'");
    expect(policy["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("HSTS", () => {
  it("is sent over https only, with upgrade-insecure-requests", () => {
    expect(securityHeaders({ ...base, https: true })["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(securityHeaders({ ...base, https: true })["Content-Security-Policy"]).toContain(
      "upgrade-insecure-requests",
    );
    expect(securityHeaders(base)).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders(base)["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const forwarded = new Headers({ "x-forwarded-proto": "https" });
    expect(requestIsHttps(new URL("https://app.example.id/"), new Headers(), 0)).toBe(true);
    expect(requestIsHttps(new URL("http://app.example.id/"), forwarded, 0)).toBe(false);
    expect(requestIsHttps(new URL("http://app.example.id/"), forwarded, 1)).toBe(true);
    expect(
      requestIsHttps(new URL("http://app.example.id/"), new Headers({ "x-forwarded-proto": "http" }), 1),
    ).toBe(false);
  });
});
