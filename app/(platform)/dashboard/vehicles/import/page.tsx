// CSV import, for roles with vehicles.import only: staffPage refuses everyone else on the server
// (the button being hidden from sales is only a convenience).
import Link from "next/link";
import { CsvImport } from "@/components/dashboard/vehicles/csv-import";
import { vehiclesText } from "@/components/dashboard/vehicles/server-text";
import { staffPage } from "@/lib/actions/pages";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function ImportVehiclesPage() {
  await staffPage("vehicles.import");
  const { locale, t } = await getTranslator();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/dashboard/vehicles" className="text-sm text-primary underline-offset-4 hover:underline">
        ← {t("vehicles.back")}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{t("vehicles.csv.title")}</h1>
      <CsvImport text={vehiclesText(locale)} />
    </div>
  );
}
