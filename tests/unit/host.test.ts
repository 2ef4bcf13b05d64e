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
    for (const [host, slug] of [
      ["mobilindo-jaya.autolumiku.id", "mobilindo-jaya"],
      ["Mobilindo-Jaya.AutoLumiku.ID:8080", "mobilindo-jaya"],
      ["www.mobilindo-jaya.autolumiku.id", "mobilindo-jaya"],
      ["surya-motor.localhost:3000", "surya-motor"],
      ["mobilindo-jaya.autolumiku.id.", "mobilindo-jaya"],
    ]) {
      expect([host, classifyHost(host, root)]).toEqual([host, { kind: "subdomain", slug }]);
    }
  });

  it("never treats reserved names as showrooms", () => {
    for (const host of ["admin.autolumiku.id", "api.autolumiku.id"]) {
      expect([host, classifyHost(host, root)]).toEqual([host, { kind: "platform" }]);
    }
  });

  it("treats other hosts as showrooms' own domains, punycode included", () => {
    for (const [host, domain] of [
      ["www.mobilindojaya.co.id", "mobilindojaya.co.id"],
      ["mobil-bekas.xn--p1ai", "mobil-bekas.xn--p1ai"],
      ["mobilbekas.рф", "mobilbekas.xn--p1ai"],
    ]) {
      expect([host, classifyHost(host, root)]).toEqual([host, { kind: "custom", domain }]);
    }
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
