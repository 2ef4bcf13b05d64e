// The names a showroom may claim as its own domain: canonical form, and the platform's hosts,
// special-use names and look-alikes refused before any DNS proof is asked for.
import { domainToASCII } from "node:url";
import { describe, expect, it } from "vitest";
import { checkCustomDomainName, platformHostsOf } from "@/lib/tenancy/custom-domain-name";

const platform = platformHostsOf({
  ROOT_DOMAIN: "autolumiku.id",
  APP_URL: "https://app.autolumiku.id",
  INTERNAL_URL: "http://127.0.0.1:3000",
});
const check = (raw: string) => checkCustomDomainName(raw, platform);
const problemOf = (raw: string) => {
  const result = check(raw);
  return result.ok ? null : result.problem;
};

describe("custom domain names", () => {
  it("keeps the canonical form of what an owner types", () => {
    expect(check("https://www.Mobil-Jaya.CO.ID/")).toEqual({ ok: true, domain: "mobil-jaya.co.id" });
    expect(check("  mobilku.com ")).toEqual({ ok: true, domain: "mobilku.com" });
    expect(check("mobil.bekas.co.id")).toEqual({ ok: true, domain: "mobil.bekas.co.id" });
  });

  it("refuses what is not a public DNS name", () => {
    for (const raw of [
      "",
      "localhost",
      "mobil",
      "10.0.0.1",
      "[::1]",
      "a..b.com",
      "-x.com",
      "x.com/path",
      "x.com:8080",
      "user@x.com",
      "mobil.123",
      "ab--cd.com",
      "xn--zz.com",
    ])
      expect(problemOf(raw), raw).toBe("format");
  });

  it("refuses the platform's own hosts, their subdomains and the names above them", () => {
    for (const raw of [
      "autolumiku.id",
      "www.autolumiku.id",
      "app.autolumiku.id",
      "admin.autolumiku.id",
      "mobilindo-jaya.autolumiku.id",
      "evil.localhost",
    ])
      expect(problemOf(raw), raw).toBe("platform");
    // A platform on a deeper host: its parent domain is refused too.
    expect(
      checkCustomDomainName("autolumiku.co.id", platformHostsOf({ ROOT_DOMAIN: "app.autolumiku.co.id" })),
    ).toEqual({ ok: false, problem: "platform" });
  });

  it("refuses special-use names that never resolve publicly", () => {
    for (const raw of [
      "mobil.test",
      "showroom.example",
      "example.com",
      "shop.example.org",
      "printer.local",
      "x.onion",
      "router.home.arpa",
      "kantor.internal",
      "x.invalid",
    ])
      expect(problemOf(raw), raw).toBe("reserved");
  });

  it("refuses punycode look-alikes: mixed scripts, Latin-looking Cyrillic, and anything that reads as the platform", () => {
    const cyrillicA = "\u0430";
    for (const raw of [
      // "pаypal" with a Cyrillic а: two scripts in one label
      `p${cyrillicA}ypal.com`,
      domainToASCII(`p${cyrillicA}ypal.com`),
      // "аррӏе": Cyrillic letters only, every one of them looks Latin
      "\u0430\u0440\u0440\u04cf\u0435.com",
      // the platform's name in other clothes
      `${cyrillicA}utolumiku.com`,
      "autolumikü.com",
      "aut0lumiku.co.id",
      "auto-lumiku.net",
      "autolumiku.com",
      "login-autolumiku.id",
    ])
      expect(problemOf(raw), raw).toBe("lookalike");
  });

  it("accepts internationalised names written in one script or an allowed CJK mix", () => {
    for (const raw of ["mobilbekas.рф", "мир-авто.рф", "bücher-auto.de", "日本の車.jp", "중고차.kr"]) {
      const result = check(raw);
      expect(result.ok, raw).toBe(true);
      if (result.ok) expect(result.domain).toBe(domainToASCII(raw));
    }
  });
});
