// Logo, favicon and hero image of the signed-in staff member's showroom: POST one file per request
// (multipart "kind" + "file"), DELETE ?kind=... to remove. The showroom comes from the session only;
// nothing in the request names one. Audited, then the catalog is revalidated and replaced files go.
import { z } from "zod";
import { staffAction } from "@/lib/actions/client";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import {
  type BrandingImageChange,
  BrandingImageKindInput,
  brandingImages,
  deleteObsoleteKeys,
  MAX_BRANDING_BYTES,
  removeBrandingImage,
  setBrandingImage,
} from "@/lib/settings/branding";

const MAX_BODY_BYTES = MAX_BRANDING_BYTES.hero + 64 * 1024;

const branding = staffAction("settings.manage");

async function afterCommit(change: BrandingImageChange, { user }: { user: { tenantId: string } }) {
  await revalidateCatalog(user.tenantId, { lookup: true });
  await deleteObsoleteKeys(user.tenantId, change.obsoleteKeys);
}

const respond = (change: BrandingImageChange) =>
  Response.json({ images: brandingImages(change.theme, change.tenantId) });

export const POST = branding
  .input(
    z.object({ kind: BrandingImageKindInput, file: z.instanceof(File, { error: "settings.image.missing" }) }),
  )
  .afterCommit(afterCommit)
  .route(
    async (context, input) =>
      setBrandingImage(context, { kind: input.kind, bytes: Buffer.from(await input.file.arrayBuffer()) }),
    // Refused before the body is read into memory.
    { maxBody: { bytes: MAX_BODY_BYTES, message: "settings.image.tooLarge", field: "file" }, respond },
  );

export const DELETE = branding
  .input(z.object({ kind: BrandingImageKindInput }))
  .afterCommit(afterCommit)
  .route(removeBrandingImage, { respond });
