// A showroom's look, validated so that nothing a showroom enters can inject CSS or script: colours
// are #rrggbb, the font is one of the bundled ones, images are storage keys our upload route made.
import { z } from "zod";

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour such as #1d4ed8");

/**
 * Bundled fonts (imported in app/globals.css, fetched by the browser only when a page uses them).
 * The family names are ours, never a showroom's text, so they can go into a CSS variable as is.
 */
export const FONTS = {
  inter: { label: "Inter", family: '"Inter Variable"' },
  "plus-jakarta-sans": { label: "Plus Jakarta Sans", family: '"Plus Jakarta Sans Variable"' },
  poppins: { label: "Poppins", family: '"Poppins"' },
  "nunito-sans": { label: "Nunito Sans", family: '"Nunito Sans Variable"' },
  montserrat: { label: "Montserrat", family: '"Montserrat Variable"' },
} as const;
export type FontId = keyof typeof FONTS;
export const FONT_IDS = Object.keys(FONTS) as [FontId, ...FontId[]];
export const FontId = z.enum(FONT_IDS);

export const BRANDING_IMAGE_KINDS = ["logo", "favicon", "hero"] as const;
export type BrandingImageKind = (typeof BRANDING_IMAGE_KINDS)[number];

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/**
 * Exactly the keys lib/settings/branding.ts writes: tenants/{uuid}/branding/{kind}-{16 hex}[-{width}].{ext}.
 * No dots but the extension, no slashes elsewhere, no scheme: a URL or "../" cannot match.
 */
export const BRANDING_KEY = new RegExp(
  `^tenants/(${UUID})/branding/(logo|favicon|hero)-[0-9a-f]{16}(-[0-9]{2,4})?\\.(webp|avif|png)$`,
);
const brandingKey = z.string().max(200).regex(BRANDING_KEY, "not a branding storage key");
const dimension = z.number().int().min(1).max(10_000);

/** The pipeline's tiny WebP placeholder; base64 only, so it cannot close a quote or a url(). */
const blurDataUrl = z
  .string()
  .max(4000)
  .regex(/^data:image\/webp;base64,[A-Za-z0-9+/]+={0,2}$/);

export const ThemeImage = z.object({ key: brandingKey, width: dimension, height: dimension }).strict();
export type ThemeImage = z.infer<typeof ThemeImage>;

export const ThemeHero = z
  .object({
    width: dimension,
    height: dimension,
    blurDataUrl: blurDataUrl.optional(),
    variants: z
      .array(
        z
          .object({ format: z.enum(["webp", "avif"]), width: dimension, height: dimension, key: brandingKey })
          .strict(),
      )
      .min(1)
      .max(12),
  })
  .strict();
export type ThemeHero = z.infer<typeof ThemeHero>;

export const Theme = z
  .object({
    primary: hexColor.default("#1d4ed8"),
    secondary: hexColor.default("#0f172a"),
    accent: hexColor.default("#f59e0b"),
    font: FontId.default("inter"),
    logo: ThemeImage.optional(),
    favicon: ThemeImage.optional(),
    hero: ThemeHero.optional(),
  })
  // Unknown keys are dropped rather than failing the whole theme; nothing reads them.
  .strip();
export type Theme = z.infer<typeof Theme>;

/** Invalid stored values fall back to the defaults instead of breaking the page. */
export function readTheme(value: unknown): Theme {
  const parsed = Theme.safeParse(value ?? {});
  return parsed.success ? parsed.data : Theme.parse({});
}

/** Every storage key a theme refers to (to delete what an upload replaced). */
export function themeKeys(theme: Pick<Theme, BrandingImageKind>, kind?: BrandingImageKind): string[] {
  const keys: string[] = [];
  if ((!kind || kind === "logo") && theme.logo) keys.push(theme.logo.key);
  if ((!kind || kind === "favicon") && theme.favicon) keys.push(theme.favicon.key);
  if ((!kind || kind === "hero") && theme.hero)
    keys.push(...theme.hero.variants.map((variant) => variant.key));
  return keys;
}

/** A key is only served for the showroom whose folder it is in, whatever ended up in the JSON. */
export function keyBelongsTo(key: string, tenantId: string): boolean {
  return BRANDING_KEY.exec(key)?.[1] === tenantId;
}

/** Readable text on a colour: dark on light backgrounds, white on dark ones. */
export function foregroundFor(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 160 ? "#0f172a" : "#ffffff";
}

const FALLBACK_FAMILIES = "ui-sans-serif, system-ui, sans-serif";

/**
 * The CSS variables of a showroom. Re-validates its input, so a Theme built by hand (not parsed)
 * still cannot put anything but a colour or a bundled family name into a style attribute.
 * --secondary stays the UI's neutral token (secondary buttons); the showroom's own secondary
 * colour is --brand-secondary.
 */
export function themeStyle(input: Theme): Record<string, string> {
  const theme = readTheme(input);
  return {
    "--primary": theme.primary,
    "--primary-foreground": foregroundFor(theme.primary),
    "--ring": theme.primary,
    "--accent": theme.accent,
    "--accent-foreground": foregroundFor(theme.accent),
    "--brand-secondary": theme.secondary,
    "--brand-secondary-foreground": foregroundFor(theme.secondary),
    "--font-sans-family": `${FONTS[theme.font].family}, ${FALLBACK_FAMILIES}`,
  };
}
