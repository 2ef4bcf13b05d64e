// Add a car: an empty form with the usual defaults (available, negotiable, in stock today).
import { vehiclesText } from "@/components/dashboard/vehicles/server-text";
import { VehiclesSubpage } from "@/components/dashboard/vehicles/subpage";
import { VehicleForm } from "@/components/dashboard/vehicles/vehicle-form";
import { staffPage } from "@/lib/actions/pages";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function NewVehiclePage() {
  await staffPage("vehicles.write");
  const { locale, t } = await getTranslator();
  return (
    <VehiclesSubpage backLabel={t("vehicles.back")} title={t("vehicles.newTitle")}>
      {/* "In stock since" stays empty: the database sets today in its own time zone. */}
      <VehicleForm
        text={vehiclesText(locale)}
        initial={{ status: "available", fuel: "petrol", negotiable: "on" }}
      />
    </VehiclesSubpage>
  );
}
