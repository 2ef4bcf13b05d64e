"use client";
// Logo, favicon and hero upload: one file per request to /api/dashboard/settings/branding, which
// checks the file on the server (the accept attribute here is only a hint to the phone's picker).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/use-toast";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { BrandingImages } from "@/lib/settings/branding";
import type { BrandingImageKind } from "@/lib/tenancy/theme";

const ENDPOINT = "/api/dashboard/settings/branding";
const KINDS: {
  kind: BrandingImageKind;
  label: "settings.image.logo" | "settings.image.favicon" | "settings.image.hero";
  hint: "settings.image.logoHint" | "settings.image.faviconHint" | "settings.image.heroHint";
}[] = [
  { kind: "logo", label: "settings.image.logo", hint: "settings.image.logoHint" },
  { kind: "favicon", label: "settings.image.favicon", hint: "settings.image.faviconHint" },
  { kind: "hero", label: "settings.image.hero", hint: "settings.image.heroHint" },
];

async function messageOf(response: Response, fallback: string): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === "object" && "message" in body && typeof body.message === "string") {
      const fileError =
        "fieldErrors" in body &&
        body.fieldErrors &&
        typeof body.fieldErrors === "object" &&
        "file" in body.fieldErrors &&
        Array.isArray(body.fieldErrors.file)
          ? body.fieldErrors.file[0]
          : undefined;
      return typeof fileError === "string" ? fileError : body.message;
    }
  } catch {
    // Not JSON (a proxy's error page): the generic message is all we can say.
  }
  return fallback;
}

function thumbnailOf(images: BrandingImages, kind: BrandingImageKind): string | undefined {
  if (kind === "hero") return images.hero?.fallbackUrl;
  return images[kind]?.url;
}

export function BrandingImagesEditor({ locale, images }: { locale: Locale; images: BrandingImages }) {
  const t = translator(locale);
  const router = useRouter();
  const [busy, setBusy] = useState<BrandingImageKind | null>(null);
  const [errors, setErrors] = useState<Partial<Record<BrandingImageKind, string>>>({});

  async function send(
    kind: BrandingImageKind,
    request: () => Promise<Response>,
    success: string,
  ): Promise<void> {
    setBusy(kind);
    setErrors((current) => ({ ...current, [kind]: undefined }));
    try {
      const response = await request();
      if (!response.ok) {
        const message = await messageOf(response, t("action.error"));
        setErrors((current) => ({ ...current, [kind]: message }));
        return;
      }
      toast({ title: success });
      router.refresh();
    } catch {
      setErrors((current) => ({ ...current, [kind]: t("action.error") }));
    } finally {
      setBusy(null);
    }
  }

  function upload(kind: BrandingImageKind, file: File): Promise<void> {
    const body = new FormData();
    body.set("kind", kind);
    body.set("file", file);
    return send(kind, () => fetch(ENDPOINT, { method: "POST", body }), t("settings.image.saved"));
  }

  function remove(kind: BrandingImageKind): Promise<void> {
    return send(
      kind,
      () => fetch(`${ENDPOINT}?kind=${kind}`, { method: "DELETE" }),
      t("settings.image.removed"),
    );
  }

  return (
    <div className="space-y-4">
      <p className="text-sm font-medium">{t("settings.images")}</p>
      {KINDS.map(({ kind, label, hint }) => {
        const thumbnail = thumbnailOf(images, kind);
        const name = t(label).toLowerCase();
        return (
          <div
            key={kind}
            className="space-y-2 rounded-md border border-border p-3"
            data-testid={`branding-image-${kind}`}
          >
            <div className="flex items-start gap-3">
              <div
                className={`flex shrink-0 items-center justify-center overflow-hidden rounded-md border border-border bg-muted ${kind === "hero" ? "h-14 w-24" : "h-14 w-14"}`}
              >
                {thumbnail ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={thumbnail}
                    alt={t(label)}
                    className={
                      kind === "hero" ? "h-full w-full object-cover" : "max-h-full max-w-full object-contain"
                    }
                  />
                ) : (
                  <span className="px-1 text-center text-xs text-muted-foreground">
                    {t("settings.image.none")}
                  </span>
                )}
              </div>
              <div className="min-w-0 space-y-1">
                <Label htmlFor={`branding-file-${kind}`}>{t(label)}</Label>
                <p className="text-xs text-muted-foreground">{t(hint)}</p>
              </div>
            </div>
            <input
              id={`branding-file-${kind}`}
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif"
              disabled={busy !== null}
              aria-describedby={errors[kind] ? `branding-error-${kind}` : undefined}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = "";
                if (file) void upload(kind, file);
              }}
              className="block w-full text-sm text-muted-foreground file:mr-3 file:h-10 file:cursor-pointer file:rounded-md file:border-0 file:bg-primary file:px-3 file:text-sm file:font-medium file:text-primary-foreground"
            />
            <div className="flex items-center gap-3">
              {busy === kind ? (
                <span className="text-sm text-muted-foreground" role="status">
                  {t("settings.image.uploading")}
                </span>
              ) : null}
              {thumbnail ? (
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  disabled={busy !== null}
                  onClick={() => void remove(kind)}
                >
                  {t("settings.image.remove", { kind: name })}
                </Button>
              ) : null}
            </div>
            {errors[kind] ? (
              <p
                id={`branding-error-${kind}`}
                className="text-sm text-destructive"
                role="alert"
                data-testid={`branding-error-${kind}`}
              >
                {errors[kind]}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
