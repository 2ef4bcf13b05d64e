// POST one photo (multipart field "file") to a vehicle: one file per request, so a phone can show
// progress per file and a failure names its file. Through the one image pipeline and storage driver.
import { z } from "zod";
import { staffAction } from "@/lib/actions/client";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { getTranslator } from "@/lib/core/i18n/server";
import { addVehiclePhoto } from "@/lib/inventory/photos-admin";

/** The pipeline's own limit; a bit more for the multipart envelope. */
const MAX_FILE_BYTES = 15 * 1024 * 1024;
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

const PhotoUpload = z.object({
  id: z.uuid(),
  file: z.instanceof(File).refine((file) => file.size <= MAX_FILE_BYTES, "vehicles.photos.tooLarge"),
});

export const POST = staffAction("vehicles.write")
  .input(PhotoUpload)
  .afterCommit((_photo, { user }) => revalidateCatalog(user.tenantId))
  .route(
    async ({ user, actor, tx }, input) => {
      const { locale } = await getTranslator();
      const photo = await addVehiclePhoto(tx, {
        tenantId: user.tenantId,
        actor,
        vehicleId: input.id,
        bytes: Buffer.from(await input.file.arrayBuffer()),
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
    // Refused before the body is read into memory.
    { maxBody: { bytes: MAX_BODY_BYTES, message: "vehicles.photos.tooLarge", field: "file" } },
  );
