// CSV import, for roles with vehicles.import only: staffPage refuses everyone else on the server
// (the button being hidden from sales is only a convenience).
import { CsvImport } from "@/components/dashboard/vehicles/csv-import";
import { vehiclesText } from "@/components/dashboard/vehicles/server-text";
import { VehiclesSubpage } from "@/components/dashboard/vehicles/subpage";
import { staffPage } from "@/lib/actions/pages";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function ImportVehiclesPage() {
  await staffPage("vehicles.import");
  const { locale, t } = await getTranslator();
  return (
    <VehiclesSubpage backLabel={t("vehicles.back")} title={t("vehicles.csv.title")}>
      <CsvImport text={vehiclesText(locale)} />
    </VehiclesSubpage>
  );
}
