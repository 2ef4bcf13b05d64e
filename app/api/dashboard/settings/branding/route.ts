// Logo, favicon and hero image of the signed-in staff member's showroom: POST one file per request
// (multipart "kind" + "file"), DELETE ?kind=... to remove. The showroom comes from the session only;
// nothing in the request names one. Audited, then the catalog is revalidated and replaced files go.
import { z } from "zod";
import { type ActionResult, runStaffAction } from "@/lib/actions/staff";
import type { StaffUser } from "@/lib/auth/guards";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { DomainError, httpStatusOf } from "@/lib/core/errors";
import { getTranslator } from "@/lib/core/i18n/server";
import {
  type BrandingImageChange,
  BrandingImageKindInput,
  type BrandingImages,
  brandingImages,
  deleteObsoleteKeys,
  MAX_BRANDING_BYTES,
  removeBrandingImage,
  setBrandingImage,
} from "@/lib/settings/branding";

const MAX_BODY_BYTES = MAX_BRANDING_BYTES.hero + 64 * 1024;

const BrandingUpload = z
  .object({ kind: BrandingImageKindInput, file: z.instanceof(File, { error: "settings.image.missing" }) })
  .strict();
const BrandingRemoval = z.object({ kind: BrandingImageKindInput }).strict();

async function afterCommit(change: BrandingImageChange, user: StaffUser): Promise<void> {
  await revalidateCatalog(user.tenantId, { lookup: true });
  await deleteObsoleteKeys(user.tenantId, change.obsoleteKeys);
}

async function respond(result: ActionResult<BrandingImageChange>): Promise<Response> {
  if (result.ok) {
    const images: BrandingImages = brandingImages(result.data.theme, result.data.tenantId);
    return Response.json({ images }, { status: 200 });
  }
  const { code, message, fieldErrors } = result;
  const status = code === "error" ? 500 : httpStatusOf(new DomainError(code, message));
  return Response.json({ error: code, message, fieldErrors }, { status });
}

export async function POST(request: Request): Promise<Response> {
  const { t } = await getTranslator();
  // Refuse an oversized body before reading it into memory.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json(
      {
        error: "invalid",
        message: t("settings.image.tooLarge"),
        fieldErrors: { file: [t("settings.image.tooLarge")] },
      },
      { status: 413 },
    );
  }
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    form = null;
  }
  const raw = { kind: form?.get("kind"), file: form?.get("file") };
  const result = await runStaffAction(
    { permission: "settings.manage", input: BrandingUpload, afterCommit },
    raw,
    async (context, input) =>
      setBrandingImage(context, { kind: input.kind, bytes: Buffer.from(await input.file.arrayBuffer()) }),
  );
  return respond(result);
}

export async function DELETE(request: Request): Promise<Response> {
  const raw = { kind: new URL(request.url).searchParams.get("kind") };
  const result = await runStaffAction(
    { permission: "settings.manage", input: BrandingRemoval, afterCommit },
    raw,
    removeBrandingImage,
  );
  return respond(result);
}
