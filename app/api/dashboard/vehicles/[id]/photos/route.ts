// POST one photo (multipart field "file") to a vehicle: one file per request, so a phone can show
// progress per file and a failure names its file. Through the one image pipeline and storage driver.
import { z } from "zod";
import { staffRoute } from "@/lib/actions/staff";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { getTranslator } from "@/lib/core/i18n/server";
import { addVehiclePhoto } from "@/lib/inventory/photos-admin";

/** The pipeline's own limit; a bit more for the multipart envelope. */
const MAX_FILE_BYTES = 15 * 1024 * 1024;
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

const PhotoUpload = z.object({ vehicleId: z.uuid(), file: z.instanceof(File) });

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  const { locale, t } = await getTranslator();
  const tooLarge = () =>
    Response.json(
      {
        error: "invalid",
        message: t("vehicles.photos.tooLarge"),
        fieldErrors: { file: [t("vehicles.photos.tooLarge")] },
      },
      { status: 413 },
    );
  // Refuse an oversized body before reading it into memory.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  let file: FormDataEntryValue | null = null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    file = null;
  }
  if (file instanceof File && file.size > MAX_FILE_BYTES) return tooLarge();
  return staffRoute(
    {
      permission: "vehicles.write",
      input: PhotoUpload,
      afterCommit: (_photo, user) => revalidateCatalog(user.tenantId),
    },
    { vehicleId: id, file },
    async ({ user, actor, tx }, input) => {
      const bytes = Buffer.from(await input.file.arrayBuffer());
      const photo = await addVehiclePhoto(tx, {
        tenantId: user.tenantId,
        actor,
        vehicleId: input.vehicleId,
        bytes,
        locale,
      });
      return {
        id: photo.id,
        position: photo.position,
        isMain: photo.isMain,
        width: photo.width,
        height: photo.height,
      };
    },
  );
}
