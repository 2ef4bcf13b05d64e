// Showroom branding images and font against real PostgreSQL, through the real route handler and
// server action (only the session is faked): files are checked by content, stored under the
// showroom's own folder, only their keys reach Tenant.theme, every change is audited, and neither a
// salesperson nor a request naming another showroom can change anything.
import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";

import { updateBrandingAction } from "@/app/(platform)/dashboard/settings/actions";
import { DELETE as removeImage, POST as uploadImage } from "@/app/api/dashboard/settings/branding/route";
import { withTenant } from "@/lib/core/db/tenant";
import { getEnv } from "@/lib/core/env";
import { brandingImages } from "@/lib/settings/branding";
import { readTheme, Theme, themeKeys } from "@/lib/tenancy/theme";
import { makeTenant, makeUser } from "../support/factories";
import { behindProxy, proxyHeaders, revalidatedCatalogs, signInAs } from "../support/framework";

// Behind one proxy that saw the client at 203.0.113.7: the audit rows carry it.
beforeEach(() => behindProxy("203.0.113.7"));

async function showroom() {
  const tenant = await makeTenant();
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  return { tenant, admin, sales };
}
const png = () =>
  sharp({
    create: { width: 900, height: 300, channels: 4, background: { r: 10, g: 80, b: 200, alpha: 0.5 } },
  })
    .png()
    .toBuffer();
const jpeg = () =>
  sharp({ create: { width: 2400, height: 1200, channels: 3, background: { r: 40, g: 90, b: 60 } } })
    .jpeg()
    .toBuffer();

function upload(
  kind: string,
  bytes: Buffer,
  options: {
    name?: string;
    type?: string;
    extra?: Record<string, string>;
    url?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const form = new FormData();
  form.set("kind", kind);
  for (const [field, value] of Object.entries(options.extra ?? {})) form.set(field, value);
  form.set(
    "file",
    new File([new Uint8Array(bytes)], options.name ?? "gambar.png", { type: options.type ?? "image/png" }),
  );
  return uploadImage(
    new Request(options.url ?? "http://localhost/api/dashboard/settings/branding", {
      method: "POST",
      body: form,
      // From our own page, through the one proxy in front of the app.
      headers: { origin: "http://localhost", ...proxyHeaders("203.0.113.7"), ...options.headers },
    }),
  );
}
const remove = (kind: string) =>
  removeImage(
    new Request(`http://localhost/api/dashboard/settings/branding?kind=${kind}`, {
      method: "DELETE",
      headers: { origin: "http://localhost" },
    }),
  );

const themeOf = async (tenantId: string) =>
  readTheme(
    (
      await withTenant(tenantId, (tx) =>
        tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { theme: true } }),
      )
    ).theme,
  );
const rawThemeOf = async (tenantId: string) =>
  (
    await withTenant(tenantId, (tx) =>
      tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { theme: true } }),
    )
  ).theme;
const audits = (tenantId: string) =>
  withTenant(tenantId, (tx) =>
    tx.auditLog.findMany({
      where: { action: { startsWith: "settings.branding" } },
      orderBy: { createdAt: "asc" },
    }),
  );
const storedFile = (key: string) => path.resolve(getEnv().DATA_DIR, "uploads", key);

describe("branding images", () => {
  it("stores a logo PNG and a hero JPEG under the showroom's folder, keeps only their keys in the theme, audits and refreshes the catalog", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);

    const logoResponse = await upload("logo", await png());
    expect(logoResponse.status).toBe(200);
    const heroResponse = await upload("hero", await jpeg(), { name: "showroom.jpg", type: "image/jpeg" });
    expect(heroResponse.status).toBe(200);
    const body = (await heroResponse.json()) as {
      images: { logo?: { url: string }; hero?: { fallbackUrl: string } };
    };
    expect(body.images.logo?.url).toMatch(
      new RegExp(`^/media/tenants/${tenant.id}/branding/logo-[0-9a-f]{16}\\.webp$`),
    );
    expect(body.images.hero?.fallbackUrl).toMatch(
      new RegExp(`^/media/tenants/${tenant.id}/branding/hero-[0-9a-f]{16}-1024\\.webp$`),
    );

    // What is stored is exactly what Theme accepts: keys and sizes, no URL.
    const stored = Theme.parse(await rawThemeOf(tenant.id));
    expect(stored.logo).toEqual({
      key: expect.stringMatching(new RegExp(`^tenants/${tenant.id}/branding/logo-[0-9a-f]{16}\\.webp$`)),
      width: 600,
      height: 200,
    });
    expect(stored.hero?.variants.map((variant) => `${variant.format}-${variant.width}`)).toEqual([
      "webp-640",
      "avif-640",
      "webp-1024",
      "avif-1024",
      "webp-1600",
      "avif-1600",
    ]);
    expect(stored.hero?.blurDataUrl).toMatch(/^data:image\/webp;base64,/);
    for (const key of themeKeys(stored)) expect(existsSync(storedFile(key)), key).toBe(true);
    // The logo keeps its transparency and was re-encoded (nothing of the original file survives).
    const logoMeta = await sharp(storedFile(stored.logo?.key ?? "")).metadata();
    expect(logoMeta).toMatchObject({ format: "webp", hasAlpha: true });

    const rows = await audits(tenant.id);
    expect(rows.map((row) => row.action)).toEqual(["settings.branding.logo", "settings.branding.hero"]);
    expect(rows[0]).toMatchObject({
      actorId: admin.id,
      ip: "203.0.113.7",
      before: { logo: null },
      after: { logo: { key: stored.logo?.key } },
    });
    expect(revalidatedCatalogs()).toEqual([
      { tenantId: tenant.id, lookup: true },
      { tenantId: tenant.id, lookup: true },
    ]);
  });

  it("crops a favicon to a 192 px square PNG", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    expect((await upload("favicon", await png())).status).toBe(200);
    const { favicon } = await themeOf(tenant.id);
    expect(favicon).toMatchObject({
      width: 192,
      height: 192,
      key: expect.stringMatching(/\/favicon-[0-9a-f]{16}\.png$/),
    });
    expect(await sharp(storedFile(favicon?.key ?? "")).metadata()).toMatchObject({
      format: "png",
      width: 192,
      height: 192,
    });
  });

  it("replaces a logo and removes a hero, deleting the files they no longer use", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    await upload("logo", await png());
    const first = (await themeOf(tenant.id)).logo?.key ?? "";
    await upload("logo", await png());
    const second = (await themeOf(tenant.id)).logo?.key ?? "";
    expect(second).not.toBe(first);
    expect(existsSync(storedFile(first))).toBe(false);
    expect(existsSync(storedFile(second))).toBe(true);

    await upload("hero", await jpeg(), { type: "image/jpeg" });
    const heroKeys = themeKeys(await themeOf(tenant.id), "hero");
    expect(heroKeys.length).toBeGreaterThan(0);
    const response = await remove("hero");
    expect(response.status).toBe(200);
    const after = await themeOf(tenant.id);
    expect(after.hero).toBeUndefined();
    expect(after.logo?.key).toBe(second);
    for (const key of heroKeys) expect(existsSync(storedFile(key))).toBe(false);
    expect((await audits(tenant.id)).map((row) => row.action)).toContain("settings.branding.hero.remove");
  });

  it("refuses a file that is not an image with an Indonesian message and changes nothing", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    for (const bytes of [
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      Buffer.from("bukan gambar, hanya teks biasa"),
    ]) {
      const response = await upload("logo", bytes, { name: "logo.png", type: "image/png" });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: "invalid",
        message: "Format gambar tidak didukung. Gunakan JPEG, PNG, WebP, atau AVIF.",
      });
    }
    const unknownKind = await upload("background", await png());
    expect(unknownKind.status).toBe(400);
    expect((await themeOf(tenant.id)).logo).toBeUndefined();
    expect(await audits(tenant.id)).toEqual([]);
    expect(revalidatedCatalogs()).toEqual([]);
  });

  it("refuses a salesperson and a visitor without a session", async () => {
    const { tenant, sales } = await showroom();
    expect((await upload("logo", await png())).status).toBe(401);
    signInAs(sales);
    const response = await upload("logo", await png());
    expect(response.status).toBe(403);
    expect((await remove("logo")).status).toBe(403);
    expect((await themeOf(tenant.id)).logo).toBeUndefined();
    expect(await audits(tenant.id)).toEqual([]);
  });

  it("takes the showroom from the session only: a request naming another showroom changes the caller's own", async () => {
    const a = await showroom();
    const b = await showroom();
    signInAs(a.admin);
    const response = await upload("logo", await png(), {
      extra: { tenantId: b.tenant.id, tenant: b.tenant.slug },
      url: `http://localhost/api/dashboard/settings/branding?tenantId=${b.tenant.id}&tenant=${b.tenant.slug}`,
      headers: { host: `${b.tenant.slug}.localhost`, "x-tenant-id": b.tenant.id },
    });
    expect(response.status).toBe(200);
    expect((await themeOf(b.tenant.id)).logo).toBeUndefined();
    expect(await audits(b.tenant.id)).toEqual([]);
    expect((await themeOf(a.tenant.id)).logo?.key).toMatch(new RegExp(`^tenants/${a.tenant.id}/branding/`));
    expect(revalidatedCatalogs().map((call) => call.tenantId)).toEqual([a.tenant.id]);
  });

  it("never renders a key from another showroom's folder, even if one got into the theme", async () => {
    const a = await showroom();
    const b = await showroom();
    signInAs(b.admin);
    await upload("logo", await png());
    const foreign = await themeOf(b.tenant.id);
    expect(brandingImages(foreign, b.tenant.id).logo).toBeDefined();
    expect(brandingImages(foreign, a.tenant.id).logo).toBeUndefined();
  });
});

describe("colours and font", () => {
  it("saves a bundled font with the colours and keeps the uploaded images", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    await upload("logo", await png());
    const logo = (await themeOf(tenant.id)).logo;
    const result = await updateBrandingAction({
      primary: "#B91C1C",
      secondary: "#111827",
      accent: "#fb923c",
      font: "plus-jakarta-sans",
    });
    expect(result).toMatchObject({ ok: true, data: { primary: "#b91c1c", font: "plus-jakarta-sans" } });
    expect(await themeOf(tenant.id)).toMatchObject({
      primary: "#b91c1c",
      secondary: "#111827",
      font: "plus-jakarta-sans",
      logo,
    });
  });

  it("refuses a font that is not bundled and an image key sent with the colours", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    const colours = { primary: "#111111", secondary: "#0f172a", accent: "#f59e0b" };
    expect(await updateBrandingAction({ ...colours, font: "comic-sans" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await updateBrandingAction({ ...colours, font: 'inter"; } body { display:none' })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(
      await updateBrandingAction({
        ...colours,
        logo: { key: "https://evil.example/x.png", width: 1, height: 1 },
      }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(await themeOf(tenant.id)).toMatchObject({ primary: "#1d4ed8", font: "inter" });
  });
});
