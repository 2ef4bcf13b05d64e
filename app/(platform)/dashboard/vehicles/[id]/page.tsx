// One vehicle in the dashboard: quick status and price changes, photos, history, and the full form.
// Another showroom's id (or any unknown id) is a 404, because the read goes through RLS.
import Link from "next/link";
import { VehicleHistory } from "@/components/dashboard/vehicles/history";
import { type ManagedPhoto, PhotoManager } from "@/components/dashboard/vehicles/photo-manager";
import { QuickActions } from "@/components/dashboard/vehicles/quick-actions";
import { vehiclesText } from "@/components/dashboard/vehicles/server-text";
import { StatusBadge } from "@/components/dashboard/vehicles/status-badge";
import { VehicleForm } from "@/components/dashboard/vehicles/vehicle-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { staffPage } from "@/lib/actions/pages";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/core/i18n/server";
import { formatRupiah } from "@/lib/core/money";
import { readVariants } from "@/lib/images/photos";
import { daysInStock, getDashboardVehicle } from "@/lib/inventory/dashboard-vehicles";
import { vehicleFormValues } from "@/lib/inventory/vehicle-form";
import { getStorage } from "@/lib/storage";

export default async function VehiclePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Another showroom's id (or any unknown id) is a NotFound from the read, and so this page's 404.
  const { user, data: vehicle } = await staffPage("vehicles.read", ({ tx }) => getDashboardVehicle(tx, id));
  const { locale, t } = await getTranslator();
  const text = vehiclesText(locale);
  const writable = can(user.role, "vehicles.write");
  const storage = getStorage();
  const photos: ManagedPhoto[] = vehicle.photos.map((photo) => {
    const webp = readVariants(photo.variants).filter((variant) => variant.format === "webp");
    const small = webp.find((variant) => variant.width >= 320) ?? webp[0];
    return {
      id: photo.id,
      url: small ? storage.publicUrl(small.key) : "",
      blurDataUrl: photo.blurDataUrl,
      isMain: photo.isMain,
    };
  });
  const title = `${vehicle.brand} ${vehicle.model}${vehicle.variant ? ` ${vehicle.variant}` : ""} ${vehicle.year}`;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/dashboard/vehicles" className="text-sm text-primary underline-offset-4 hover:underline">
        ← {t("vehicles.back")}
      </Link>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
          <StatusBadge status={vehicle.status} label={t(`status.${vehicle.status}`)} />
        </div>
        <p className="text-xl font-bold text-primary" data-testid="vehicle-price">
          {formatRupiah(vehicle.price)}
        </p>
        <p className="text-sm text-muted-foreground">
          {vehicle.stockCode}
          {vehicle.plateNumber ? ` · ${vehicle.plateNumber}` : ""} ·{" "}
          {t("vehicles.days", { days: daysInStock(vehicle.inStockSince) })}
        </p>
      </div>

      {writable ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("vehicles.quick.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <QuickActions vehicleId={vehicle.id} status={vehicle.status} text={text} />
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>{t("vehicles.photos.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <PhotoManager vehicleId={vehicle.id} photos={photos} text={text} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("vehicles.history.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <VehicleHistory events={vehicle.events} t={t} locale={locale} />
        </CardContent>
      </Card>

      {writable ? (
        <section className="space-y-3">
          <h2 className="text-xl font-semibold">{t("vehicles.editTitle")}</h2>
          <VehicleForm
            key={vehicle.updatedAt.toISOString()}
            text={text}
            vehicleId={vehicle.id}
            initial={vehicleFormValues(vehicle)}
          />
        </section>
      ) : null}
    </div>
  );
}
