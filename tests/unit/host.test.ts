import { describe, expect, it } from "vitest";
import { classifyHost } from "@/lib/tenancy/host";

const root = "autolumiku.id";

describe("host -> showroom", () => {
  it("serves the platform on the root domain, localhost and IP addresses", () => {
    for (const host of [
      "autolumiku.id",
      "www.autolumiku.id",
      "AUTOLUMIKU.ID:443",
      "localhost:3000",
      "127.0.0.1:3000",
      "[::1]:3000",
      null,
      "",
    ]) {
      expect([host, classifyHost(host, root)]).toEqual([host, { kind: "platform" }]);
    }
  });

  it("finds a showroom by subdomain, in any letter case and with a port", () => {
    expect(classifyHost("mobilindo-jaya.autolumiku.id", root)).toEqual({
      kind: "subdomain",
      slug: "mobilindo-jaya",
    });
    expect(classifyHost("Mobilindo-Jaya.AutoLumiku.ID:8080", root)).toEqual({
      kind: "subdomain",
      slug: "mobilindo-jaya",
    });
    expect(classifyHost("www.mobilindo-jaya.autolumiku.id", root)).toEqual({
      kind: "subdomain",
      slug: "mobilindo-jaya",
    });
    expect(classifyHost("surya-motor.localhost:3000", root)).toEqual({
      kind: "subdomain",
      slug: "surya-motor",
    });
    expect(classifyHost("mobilindo-jaya.autolumiku.id.", root)).toEqual({
      kind: "subdomain",
      slug: "mobilindo-jaya",
    });
  });

  it("never treats reserved names as showrooms", () => {
    expect(classifyHost("admin.autolumiku.id", root)).toEqual({ kind: "platform" });
    expect(classifyHost("api.autolumiku.id", root)).toEqual({ kind: "platform" });
  });

  it("treats other hosts as showrooms' own domains, punycode included", () => {
    expect(classifyHost("www.mobilindojaya.co.id", root)).toEqual({
      kind: "custom",
      domain: "mobilindojaya.co.id",
    });
    expect(classifyHost("mobil-bekas.xn--p1ai", root)).toEqual({
      kind: "custom",
      domain: "mobil-bekas.xn--p1ai",
    });
    expect(classifyHost("mobilbekas.рф", root)).toEqual({ kind: "custom", domain: "mobilbekas.xn--p1ai" });
  });

  it("rejects garbage hosts", () => {
    for (const host of [
      "a.b.autolumiku.id",
      "-bad-.example.com",
      "exa mple.com",
      "example..com",
      "<script>",
      "x".repeat(300),
      "intranet",
    ]) {
      expect([host, classifyHost(host, root)]).toEqual([host, { kind: "invalid" }]);
    }
  });
});
