// vehicle_details: everything a buyer may ask about one listed car.
import "server-only";
import { assistantTool } from "@/lib/assistant/llm/tools/tool";
import { findListed } from "@/lib/assistant/llm/tools/turn";
import { VehicleRef } from "@/lib/assistant/llm/tools/vehicle-ref";

export const vehicleDetailsTool = assistantTool({
  name: "vehicle_details",
  description:
    "Full details of one car (by stock code or slug): specs, plate region and odd/even, tax and STNK dates, owners, features, description, link.",
  input: VehicleRef,
  async execute(args, { tx, show }) {
    const vehicle = await findListed(tx, args);
    const photos = await tx.vehiclePhoto.count({ where: { vehicleId: vehicle.id } });
    return {
      ...show(vehicle),
      engineCc: vehicle.engineCc,
      seats: vehicle.seats,
      negotiable: vehicle.negotiable,
      plateRegion: vehicle.plateRegion,
      plateParity: vehicle.plateParity,
      taxValidUntil: vehicle.taxValidUntil?.toISOString().slice(0, 10) ?? null,
      stnkValidUntil: vehicle.stnkValidUntil?.toISOString().slice(0, 10) ?? null,
      previousOwners: vehicle.previousOwners,
      features: vehicle.features,
      descriptionId: vehicle.descriptionId,
      descriptionEn: vehicle.descriptionEn,
      photos,
    };
  },
});
