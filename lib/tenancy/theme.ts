// A showroom's look, validated so that nothing a showroom enters can inject CSS or script.
import { z } from "zod";

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour such as #1d4ed8");

export const Theme = z.object({
  primary: hexColor.default("#1d4ed8"),
  secondary: hexColor.default("#0f172a"),
  accent: hexColor.default("#f59e0b"),
  font: z.enum(["inter"]).default("inter"),
});
export type Theme = z.infer<typeof Theme>;

/** Invalid stored values fall back to the defaults instead of breaking the page. */
export function readTheme(value: unknown): Theme {
  const parsed = Theme.safeParse(value ?? {});
  return parsed.success ? parsed.data : Theme.parse({});
}

/** Readable text on a colour: dark on light backgrounds, white on dark ones. */
export function foregroundFor(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 160 ? "#0f172a" : "#ffffff";
}

export function themeStyle(theme: Theme): Record<string, string> {
  return {
    "--primary": theme.primary,
    "--primary-foreground": foregroundFor(theme.primary),
    "--ring": theme.primary,
    "--accent": theme.accent,
    "--accent-foreground": foregroundFor(theme.accent),
  };
}
