// Add a car: an empty form with the usual defaults (available, negotiable, in stock today).
import Link from "next/link";
import { vehiclesText } from "@/components/dashboard/vehicles/server-text";
import { VehicleForm } from "@/components/dashboard/vehicles/vehicle-form";
import { staffPage } from "@/lib/actions/pages";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function NewVehiclePage() {
  await staffPage("vehicles.write");
  const { locale, t } = await getTranslator();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/dashboard/vehicles" className="text-sm text-primary underline-offset-4 hover:underline">
        ← {t("vehicles.back")}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{t("vehicles.newTitle")}</h1>
      {/* "In stock since" stays empty: the database sets today in its own time zone. */}
      <VehicleForm
        text={vehiclesText(locale)}
        initial={{ status: "available", fuel: "petrol", negotiable: "on" }}
      />
    </div>
  );
}
