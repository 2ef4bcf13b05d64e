// Which showroom a request's Host header names: the platform itself, {slug}.{ROOT_DOMAIN}, or a
// showroom's own domain. Pure string work, so the proxy can run it on every request.
import { domainToASCII } from "node:url";
import { checkSlug } from "@/lib/tenancy/slug";

export type HostTarget =
  | { kind: "platform" }
  | { kind: "subdomain"; slug: string }
  | { kind: "custom"; domain: string }
  | { kind: "invalid" };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Lower-case ASCII host without port, trailing dot or leading "www."; null when it is not a host name. */
export function normalizeHost(raw: string): string | null {
  let host = raw.trim().toLowerCase();
  if (host.startsWith("[")) return host.includes("]") ? "::ip6" : null; // IPv6 literal: the platform host
  host = host.replace(/:\d{1,5}$/, "").replace(/\.$/, "");
  if (!host || host.length > 253) return null;
  const ascii = /^[a-z0-9.-]+$/.test(host) ? host : domainToASCII(host);
  if (!ascii || !/^[a-z0-9.-]+$/.test(ascii)) return null;
  const labels = ascii.split(".");
  if (labels.some((label) => !label || label.length > 63 || label.startsWith("-") || label.endsWith("-")))
    return null;
  return ascii.startsWith("www.") ? ascii.slice(4) : ascii;
}

export function classifyHost(raw: string | null | undefined, rootDomain: string): HostTarget {
  if (!raw) return { kind: "platform" };
  const host = normalizeHost(raw);
  if (!host) return { kind: "invalid" };
  const root = normalizeHost(rootDomain) ?? "localhost";
  if (host === "::ip6" || host === root || host === "localhost" || IPV4.test(host))
    return { kind: "platform" };
  for (const base of new Set([root, "localhost"])) {
    if (host.endsWith(`.${base}`)) {
      const label = host.slice(0, -(base.length + 1));
      if (label.includes(".")) return { kind: "invalid" };
      // Names the platform keeps for itself (admin.example.com) are never showrooms.
      return checkSlug(label) === null ? { kind: "subdomain", slug: label } : { kind: "platform" };
    }
  }
  return host.includes(".") ? { kind: "custom", domain: host } : { kind: "invalid" };
}

/** The [tenant] route segment for a custom domain: "@" cannot start a slug, so the two never clash. */
export const domainSegment = (domain: string) => `@${domain}`;
