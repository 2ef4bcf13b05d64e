// The columns every buyer-facing view of a car starts from (catalog card, search result for the
// assistant, vehicle page): what names it, links to it and sums it up. Views add to it; none reads
// a whole row, so private columns (plate number, tenant id, internal dates) stay out.
import type { Prisma } from "@/lib/generated/prisma/client";

export const vehicleSummarySelect = {
  id: true,
  slug: true,
  stockCode: true,
  brand: true,
  model: true,
  variant: true,
  year: true,
  transmission: true,
  mileageKm: true,
  city: true,
  price: true,
  status: true,
} satisfies Prisma.VehicleSelect;
