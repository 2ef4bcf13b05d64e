// A showroom's branding: colours and bundled font (server action), logo, favicon and hero image
// (upload route). Images go through the same checks as vehicle photos, are stored under
// tenants/{tenantId}/branding/ and only their storage keys are kept in Tenant.theme.
import "server-only";
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import { Forbidden, Invalid } from "@/lib/core/errors";
import { PhotoRejected, processPhoto, sniffImageType } from "@/lib/images/pipeline";
import { getStorage } from "@/lib/storage";
import {
  BRANDING_IMAGE_KINDS,
  type BrandingImageKind,
  FontId,
  keyBelongsTo,
  readTheme,
  type Theme,
  type ThemeHero,
  type ThemeImage,
  themeKeys,
} from "@/lib/tenancy/theme";

function requireSettingsManager(context: StaffContext): void {
  if (!can(context.user.role, "settings.manage")) throw new Forbidden();
}

/** Two uploads at once (logo and hero from two tabs) must not overwrite each other's key. */
async function lockedTheme(tx: Tx, tenantId: string): Promise<Theme> {
  await tx.$queryRaw`SELECT 1 FROM tenants WHERE id = ${tenantId}::uuid FOR UPDATE`;
  const row = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { theme: true } });
  return readTheme(row.theme);
}

/** Every colour must be #rrggbb and the font a bundled one: nothing else reaches a style attribute. */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "settings.error.color");
export const BrandingInput = z
  .object({
    primary: hexColor.transform((value) => value.toLowerCase()),
    secondary: hexColor.transform((value) => value.toLowerCase()),
    accent: hexColor.transform((value) => value.toLowerCase()),
    font: FontId.optional(),
  })
  .strict();

/** Colours and font; the images already in the theme are kept. */
export async function updateBranding(
  context: StaffContext,
  input: z.output<typeof BrandingInput>,
): Promise<Theme> {
  requireSettingsManager(context);
  const { tx, user, actor } = context;
  const before = await lockedTheme(tx, user.tenantId);
  const theme = readTheme({ ...before, ...input, font: input.font ?? before.font });
  await tx.tenant.update({ where: { id: user.tenantId }, data: { theme } });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "settings.branding",
    entity: "tenant",
    entityId: user.tenantId,
    before,
    after: theme,
  });
  return theme;
}

// ---- images ----

export const BrandingImageKindInput = z.enum(BRANDING_IMAGE_KINDS);
/** Logos and favicons are small; a hero may be a camera photo. */
export const MAX_BRANDING_BYTES: Record<BrandingImageKind, number> = {
  logo: 5 * 1024 * 1024,
  favicon: 5 * 1024 * 1024,
  hero: 15 * 1024 * 1024,
};
const MAX_PIXELS = 40_000_000;
const HERO_WIDTHS = [640, 1024, 1600] as const;

/** Message keys (lib/core/i18n/areas/settings.ts) for each reason the pipeline refuses a file. */
const REJECTION_KEYS = {
  unsupported_type: "settings.image.unsupported",
  too_large: "settings.image.tooLarge",
  too_many_pixels: "settings.image.tooManyPixels",
  corrupt: "settings.image.corrupt",
} as const;

const newKey = (tenantId: string, kind: BrandingImageKind, suffix: string) =>
  `tenants/${tenantId}/branding/${kind}-${randomBytes(8).toString("hex")}${suffix}`;

/**
 * The pipeline's checks for a small image (type by content, size, pixels in the header before any
 * decoding), then one re-encoded file: metadata and anything hidden in the original are dropped.
 * A logo keeps its shape inside 600x200; a favicon is cropped to a 192 px square PNG.
 */
async function encodeSmallImage(
  bytes: Buffer,
  kind: "logo" | "favicon",
): Promise<{ data: Buffer; width: number; height: number; ext: "webp" | "png" }> {
  if (bytes.length > MAX_BRANDING_BYTES[kind]) throw new PhotoRejected("too_large");
  if (!sniffImageType(bytes)) throw new PhotoRejected("unsupported_type");
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoRejected("corrupt");
  }
  if (!metadata.width || !metadata.height) throw new PhotoRejected("corrupt");
  if (metadata.width * metadata.height > MAX_PIXELS) throw new PhotoRejected("too_many_pixels");
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate();
    const out =
      kind === "logo"
        ? await image
            .resize({ width: 600, height: 200, fit: "inside", withoutEnlargement: true })
            .webp({ quality: 90 })
            .toBuffer({ resolveWithObject: true })
        : await image
            .resize({ width: 192, height: 192, fit: "cover" })
            .png()
            .toBuffer({ resolveWithObject: true });
    return {
      data: out.data,
      width: out.info.width,
      height: out.info.height,
      ext: kind === "logo" ? "webp" : "png",
    };
  } catch {
    throw new PhotoRejected("corrupt");
  }
}

async function storeBrandingImage(
  tenantId: string,
  kind: BrandingImageKind,
  bytes: Buffer,
): Promise<Partial<Pick<Theme, BrandingImageKind>>> {
  const storage = getStorage();
  if (kind === "hero") {
    if (bytes.length > MAX_BRANDING_BYTES.hero) throw new PhotoRejected("too_large");
    const processed = await processPhoto(bytes, {
      maxBytes: MAX_BRANDING_BYTES.hero,
      maxPixels: MAX_PIXELS,
      widths: HERO_WIDTHS,
    });
    const base = newKey(tenantId, "hero", "");
    const variants: ThemeHero["variants"] = [];
    for (const variant of processed.variants) {
      const key = `${base}-${variant.width}.${variant.format}`;
      await storage.put(key, variant.bytes, { contentType: `image/${variant.format}` });
      variants.push({ format: variant.format, width: variant.width, height: variant.height, key });
    }
    return {
      hero: {
        width: processed.width,
        height: processed.height,
        blurDataUrl: processed.blurDataUrl,
        variants,
      },
    };
  }
  const encoded = await encodeSmallImage(bytes, kind);
  const key = newKey(tenantId, kind, `.${encoded.ext}`);
  await storage.put(key, encoded.data, { contentType: `image/${encoded.ext}` });
  const image: ThemeImage = { key, width: encoded.width, height: encoded.height };
  return kind === "logo" ? { logo: image } : { favicon: image };
}

export interface BrandingImageChange {
  tenantId: string;
  theme: Theme;
  /** Files the change made unused; deleted once the transaction has committed. */
  obsoleteKeys: string[];
}

/** Stores an uploaded logo, favicon or hero for the signed-in staff member's showroom (never another's). */
export async function setBrandingImage(
  context: StaffContext,
  input: { kind: BrandingImageKind; bytes: Buffer },
): Promise<BrandingImageChange> {
  requireSettingsManager(context);
  const { tx, user, actor } = context;
  let stored: Partial<Pick<Theme, BrandingImageKind>>;
  try {
    stored = await storeBrandingImage(user.tenantId, input.kind, input.bytes);
  } catch (error) {
    if (error instanceof PhotoRejected)
      throw new Invalid(REJECTION_KEYS[error.code], { file: [REJECTION_KEYS[error.code]] });
    throw error;
  }
  const before = await lockedTheme(tx, user.tenantId);
  const theme = readTheme({ ...before, ...stored });
  await tx.tenant.update({ where: { id: user.tenantId }, data: { theme } });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: `settings.branding.${input.kind}`,
    entity: "tenant",
    entityId: user.tenantId,
    before: { [input.kind]: before[input.kind] ?? null },
    after: { [input.kind]: theme[input.kind] ?? null },
  });
  return { tenantId: user.tenantId, theme, obsoleteKeys: themeKeys(before, input.kind) };
}

export async function removeBrandingImage(
  context: StaffContext,
  input: { kind: BrandingImageKind },
): Promise<BrandingImageChange> {
  requireSettingsManager(context);
  const { tx, user, actor } = context;
  const before = await lockedTheme(tx, user.tenantId);
  const theme = readTheme({ ...before, [input.kind]: undefined });
  await tx.tenant.update({ where: { id: user.tenantId }, data: { theme } });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: `settings.branding.${input.kind}.remove`,
    entity: "tenant",
    entityId: user.tenantId,
    before: { [input.kind]: before[input.kind] ?? null },
    after: { [input.kind]: null },
  });
  return { tenantId: user.tenantId, theme, obsoleteKeys: themeKeys(before, input.kind) };
}

/** Best effort: a file left behind costs disk space, never correctness (nothing refers to it). */
export async function deleteObsoleteKeys(tenantId: string, keys: string[]): Promise<void> {
  const storage = getStorage();
  for (const key of keys.filter((candidate) => keyBelongsTo(candidate, tenantId))) {
    try {
      await storage.delete(key);
    } catch (error) {
      console.warn("[branding] could not delete", key, error);
    }
  }
}

// ---- what pages render ----

export interface BrandingImages {
  logo?: { url: string; width: number; height: number };
  favicon?: { url: string; width: number; height: number };
  hero?: {
    avifSrcSet: string;
    webpSrcSet: string;
    fallbackUrl: string;
    width: number;
    height: number;
    blurDataUrl?: string;
  };
}

/** URLs of a showroom's images, only for keys inside its own folder. */
export function brandingImages(theme: Theme, tenantId: string): BrandingImages {
  const storage = getStorage();
  const own = (key: string) => keyBelongsTo(key, tenantId);
  const small = (image: ThemeImage | undefined) =>
    image && own(image.key)
      ? { url: storage.publicUrl(image.key), width: image.width, height: image.height }
      : undefined;
  const result: BrandingImages = { logo: small(theme.logo), favicon: small(theme.favicon) };
  const variants = theme.hero?.variants.filter((variant) => own(variant.key)) ?? [];
  if (theme.hero && variants.length) {
    const srcSet = (format: "webp" | "avif") =>
      variants
        .filter((variant) => variant.format === format)
        .map((variant) => `${storage.publicUrl(variant.key)} ${variant.width}w`)
        .join(", ");
    const webp = variants.filter((variant) => variant.format === "webp");
    const fallback = webp.find((variant) => variant.width >= 1024) ?? webp.at(-1) ?? variants[0];
    result.hero = {
      avifSrcSet: srcSet("avif"),
      webpSrcSet: srcSet("webp"),
      fallbackUrl: fallback ? storage.publicUrl(fallback.key) : "",
      width: theme.hero.width,
      height: theme.hero.height,
      blurDataUrl: theme.hero.blurDataUrl,
    };
  }
  return result;
}
