// The showroom theme is the only thing a showroom controls that reaches a style attribute or an
// image address: these prove it accepts colours, bundled fonts and our own storage keys, and nothing else.
import { describe, expect, it } from "vitest";
import { BRANDING_KEY, keyBelongsTo, readTheme, Theme, themeKeys, themeStyle } from "@/lib/tenancy/theme";

const TENANT = "3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b";
const OTHER = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const logoKey = `tenants/${TENANT}/branding/logo-0123456789abcdef.webp`;
const heroKey = `tenants/${TENANT}/branding/hero-0123456789abcdef-1024.webp`;
const logo = { key: logoKey, width: 300, height: 100 };

describe("Theme", () => {
  it("accepts colours, a bundled font and our own storage keys", () => {
    const theme = Theme.parse({
      primary: "#B91C1C",
      secondary: "#111827",
      accent: "#fb923c",
      font: "plus-jakarta-sans",
      logo,
      favicon: { key: `tenants/${TENANT}/branding/favicon-0123456789abcdef.png`, width: 192, height: 192 },
      hero: {
        width: 2000,
        height: 1200,
        blurDataUrl: "data:image/webp;base64,UklGRh4AAABXRUJQ",
        variants: [{ format: "webp", width: 1024, height: 614, key: heroKey }],
      },
    });
    expect(theme.font).toBe("plus-jakarta-sans");
    expect(themeKeys(theme)).toEqual([
      logoKey,
      `tenants/${TENANT}/branding/favicon-0123456789abcdef.png`,
      heroKey,
    ]);
  });

  it("refuses anything that is not a #rrggbb colour", () => {
    for (const primary of [
      "red",
      "#12345",
      "#1234567",
      "#gggggg",
      "#1d4ed8;",
      "#1d4ed8; background:url(x)",
      "</style><script>alert(1)</script>",
      "expression(alert(1))",
      "#1d4ed8\n",
      "var(--x)",
    ]) {
      expect(Theme.safeParse({ primary }).success, primary).toBe(false);
    }
  });

  it("refuses fonts that are not bundled, including CSS smuggled in a font name", () => {
    for (const font of [
      "arial",
      "Inter",
      "comic-sans",
      'inter"; color:red',
      "inter;}body{display:none",
      "<script>",
      "",
    ]) {
      expect(Theme.safeParse({ font }).success, font).toBe(false);
    }
    for (const font of ["inter", "plus-jakarta-sans", "poppins", "nunito-sans", "montserrat"])
      expect(Theme.safeParse({ font }).success).toBe(true);
  });

  it("refuses image keys with '..', URLs, quotes, semicolons, angle brackets or a foreign folder", () => {
    const bad = [
      `tenants/${TENANT}/branding/../../etc/passwd`,
      `tenants/${TENANT}/branding/..logo-0123456789abcdef.webp`,
      `tenants/${TENANT}/../${OTHER}/branding/logo-0123456789abcdef.webp`,
      "https://evil.example/logo.png",
      `//evil.example/tenants/${TENANT}/branding/logo-0123456789abcdef.webp`,
      `/tenants/${TENANT}/branding/logo-0123456789abcdef.webp`,
      "javascript:alert(1)",
      `data:image/svg+xml,<svg onload=alert(1)>`,
      `tenants/${TENANT}/branding/logo-0123456789abcdef.webp"`,
      `tenants/${TENANT}/branding/logo-0123456789abcdef.webp');}body{x:url('`,
      `tenants/${TENANT}/branding/logo-0123456789abcdef.webp;`,
      `tenants/${TENANT}/branding/logo-0123456789abcdef.webp<script>`,
      `tenants/${TENANT}/branding/logo-0123456789abcdef.svg`,
      `tenants/${TENANT}/vehicles/logo-0123456789abcdef.webp`,
      `tenants/not-a-uuid/branding/logo-0123456789abcdef.webp`,
      `tenants/${TENANT}/branding/logo-0123456789abcdef.webp\n`,
    ];
    for (const key of bad) {
      expect(Theme.safeParse({ logo: { ...logo, key } }).success, key).toBe(false);
      expect(BRANDING_KEY.test(key), key).toBe(false);
    }
    expect(Theme.safeParse({ logo: "https://evil.example/logo.png" }).success).toBe(false);
    expect(Theme.safeParse({ logo: { ...logo, url: "https://evil.example/x.png" } }).success).toBe(false);
  });

  it("refuses a blur placeholder that is not a base64 WebP (it could close a quote)", () => {
    const hero = {
      width: 10,
      height: 10,
      variants: [{ format: "webp", width: 10, height: 10, key: heroKey }],
    };
    expect(Theme.safeParse({ hero: { ...hero, blurDataUrl: "data:image/webp;base64,AAAA" } }).success).toBe(
      true,
    );
    for (const blurDataUrl of [
      "data:image/svg+xml;base64,AAAA",
      "data:image/webp;base64,AA');x",
      'data:image/webp;base64,AA"',
      "https://evil.example/x.webp",
    ]) {
      expect(Theme.safeParse({ hero: { ...hero, blurDataUrl } }).success, blurDataUrl).toBe(false);
    }
  });

  it("only serves a key from the showroom's own folder", () => {
    expect(keyBelongsTo(logoKey, TENANT)).toBe(true);
    expect(keyBelongsTo(logoKey, OTHER)).toBe(false);
  });

  it("falls back to the defaults when a stored theme is invalid", () => {
    expect(readTheme({ primary: "red", font: "inter" })).toEqual({
      primary: "#1d4ed8",
      secondary: "#0f172a",
      accent: "#f59e0b",
      font: "inter",
    });
    expect(readTheme(null).font).toBe("inter");
  });
});

describe("themeStyle", () => {
  it("emits only the validated colours and the bundled family name", () => {
    const style = themeStyle(
      readTheme({
        primary: "#fef08a",
        secondary: "#111827",
        accent: "#1d4ed8",
        font: "plus-jakarta-sans",
        logo,
      }),
    );
    expect(style).toEqual({
      "--primary": "#fef08a",
      "--primary-foreground": "#0f172a",
      "--ring": "#fef08a",
      "--accent": "#1d4ed8",
      "--accent-foreground": "#ffffff",
      "--brand-secondary": "#111827",
      "--brand-secondary-foreground": "#ffffff",
      "--font-sans-family": '"Plus Jakarta Sans Variable", ui-sans-serif, system-ui, sans-serif',
    });
  });

  it("does not pass through a hand-built theme that skipped validation", () => {
    // A Theme object that never went through zod (a bug elsewhere) still cannot reach the style attribute.
    const forged = {
      primary: "red;}</style><script>alert(1)</script>",
      secondary: "#111827",
      accent: "#1d4ed8",
      font: "inter",
    } as const;
    const style = themeStyle({ ...readTheme({}), ...forged, primary: forged.primary });
    for (const value of Object.values(style)) expect(value).not.toMatch(/[;<>{}]|script|url\(/);
    expect(style["--primary"]).toBe("#1d4ed8");
  });
});
