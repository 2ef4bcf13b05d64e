// Which host names a showroom may claim as its own domain, before any DNS proof is asked for.
// Refused: anything that is not a public DNS name (IP addresses, one label, bad label syntax,
// broken punycode), the platform's own hosts and everything above or below them, special-use
// names that never resolve publicly (RFC 2606, 6761, 6762, 7686, 8375 and ICANN's .internal),
// and look-alikes (lib/tenancy/lookalike.ts). Pure string work; ownership is proven separately by
// the TXT record (lib/settings/domain-check.ts).
import type { Env } from "@/lib/core/env";
import { normalizeHost } from "@/lib/tenancy/host";
import { decodePunycodeLabel, lookalikeProblem, skeleton } from "@/lib/tenancy/lookalike";

export type DomainNameProblem = "format" | "platform" | "reserved" | "lookalike";
export type DomainNameCheck = { ok: true; domain: string } | { ok: false; problem: DomainNameProblem };

/** The product's own name: no showroom domain may read as it, whatever the platform's host. */
const PLATFORM_NAME = "autolumiku";

const SPECIAL_USE_TLDS = new Set([
  "localhost",
  "local",
  "test",
  "example",
  "invalid",
  "internal",
  "onion",
  "arpa",
  "lan",
  "home",
  "corp",
  "localdomain",
  "intranet",
  "private",
]);
const SPECIAL_USE_DOMAINS = ["example.com", "example.net", "example.org"];

/** Second-level labels under which country-code domains are registered ("co" in mobil.co.id). */
const COUNTRY_SECOND_LEVELS = new Set([
  "ac",
  "biz",
  "co",
  "com",
  "desa",
  "edu",
  "go",
  "gov",
  "mil",
  "my",
  "net",
  "or",
  "org",
  "ponpes",
  "sch",
  "web",
]);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function hostOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return normalizeHost(new URL(url).host);
  } catch {
    return null;
  }
}

/** The host names the platform itself answers on: ROOT_DOMAIN, APP_URL's and INTERNAL_URL's hosts. */
export function platformHostsOf(env: Pick<Env, "ROOT_DOMAIN" | "APP_URL" | "INTERNAL_URL">): string[] {
  const hosts = [
    normalizeHost(env.ROOT_DOMAIN),
    hostOfUrl(env.APP_URL),
    hostOfUrl(env.INTERNAL_URL),
    "localhost",
  ];
  return [...new Set(hosts.filter((host): host is string => Boolean(host) && !IPV4.test(host ?? "")))];
}

/** The label a name is registered under: "autolumiku" in app.autolumiku.co.id. */
function registeredLabel(host: string): string | null {
  const labels = host.split(".");
  if (labels.length < 2) return null;
  const countryCode = (labels.at(-1) ?? "").length === 2;
  const underSecondLevel =
    countryCode && labels.length >= 3 && COUNTRY_SECOND_LEVELS.has(labels.at(-2) ?? "");
  return labels.at(underSecondLevel ? -3 : -2) ?? null;
}

/** Names a showroom's domain may not read as: the product's and the platform hosts' own names. */
function protectedNames(platformHosts: string[]): string[] {
  const names = platformHosts
    .map(registeredLabel)
    .filter((label): label is string => label !== null && label.length >= 5);
  return [...new Set([PLATFORM_NAME, ...names].map(skeleton))];
}

function syntaxProblem(host: string): boolean {
  if (host === "::ip6" || IPV4.test(host)) return true;
  const labels = host.split(".");
  const tld = labels.at(-1) ?? "";
  if (labels.length < 2 || !/^([a-z]{2,63}|xn--[a-z0-9-]+)$/.test(tld)) return true;
  // "ab--" labels are reserved for encodings; only punycode that decodes and round-trips is allowed.
  return labels.some((label) =>
    label.startsWith("xn--") ? decodePunycodeLabel(label) === null : /^..--/.test(label),
  );
}

function isPlatformHost(host: string, platformHosts: string[]): boolean {
  return platformHosts.some(
    (platform) => host === platform || host.endsWith(`.${platform}`) || platform.endsWith(`.${host}`),
  );
}

function isSpecialUse(host: string): boolean {
  return (
    SPECIAL_USE_TLDS.has(host.split(".").at(-1) ?? "") ||
    SPECIAL_USE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))
  );
}

function isLookalike(host: string, platformHosts: string[]): boolean {
  const unicodeLabels = host.split(".").map((label) => decodePunycodeLabel(label) ?? label);
  if (unicodeLabels.some((label) => lookalikeProblem(label) !== null)) return true;
  const reads = skeleton(unicodeLabels.join("."));
  return protectedNames(platformHosts).some((name) => reads.includes(name));
}

/**
 * The canonical form of a domain an owner typed ("https://www.Mobil.co.id/" -> "mobil.co.id"), or
 * why it cannot be a showroom's domain.
 */
export function checkCustomDomainName(raw: string, platformHosts: string[]): DomainNameCheck {
  const text = raw
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/\/+$/, "");
  if (!text || /[\s/?#@:\\]/.test(text)) return { ok: false, problem: "format" };
  const host = normalizeHost(text);
  if (!host || syntaxProblem(host)) return { ok: false, problem: "format" };
  if (isPlatformHost(host, platformHosts)) return { ok: false, problem: "platform" };
  if (isSpecialUse(host)) return { ok: false, problem: "reserved" };
  if (isLookalike(host, platformHosts)) return { ok: false, problem: "lookalike" };
  return { ok: true, domain: host };
}
