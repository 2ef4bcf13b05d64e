"use client";
import { useRouter } from "next/navigation";
// One-tap status changes and a price change on the vehicle page; each lands in the history.
import { useState, useTransition } from "react";
import { changeVehiclePrice, changeVehicleStatus } from "@/app/(platform)/dashboard/vehicles/actions";
import type { VehiclesText } from "@/components/dashboard/vehicles/text";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/use-toast";

const STATUS_BUTTONS = [
  { status: "available", label: "vehicles.quick.markAvailable" },
  { status: "booked", label: "vehicles.quick.markBooked" },
  { status: "sold", label: "vehicles.quick.markSold" },
  { status: "draft", label: "vehicles.quick.markDraft" },
] as const;

export function QuickActions({
  vehicleId,
  status,
  text,
}: {
  vehicleId: string;
  status: string;
  text: VehiclesText;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [priceError, setPriceError] = useState<string | null>(null);
  const [price, setPrice] = useState("");

  const done = (result: { ok: boolean; message?: string }) => {
    if (result.ok) {
      toast({ title: text["vehicles.quick.done"] });
      router.refresh();
    } else toast({ title: result.message ?? "", variant: "destructive" });
  };

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-2">
        {STATUS_BUTTONS.filter((button) => button.status !== status).map((button) => (
          <Button
            key={button.status}
            type="button"
            variant={button.status === "sold" ? "default" : "outline"}
            disabled={pending}
            onClick={() =>
              startTransition(async () =>
                done(await changeVehicleStatus({ vehicleId, status: button.status })),
              )
            }
          >
            {text[button.label]}
          </Button>
        ))}
      </div>
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const result = await changeVehiclePrice({ vehicleId, price });
            setPriceError(result.ok ? null : (result.fieldErrors?.price?.[0] ?? result.message));
            if (result.ok) setPrice("");
            done(
              result.ok ? result : { ok: false, message: result.fieldErrors?.price?.[0] ?? result.message },
            );
          });
        }}
      >
        <div className="flex-1 space-y-1.5">
          <Label htmlFor="quick-price">{text["vehicles.quick.newPrice"]}</Label>
          <Input
            id="quick-price"
            value={price}
            onChange={(event) => setPrice(event.target.value)}
            placeholder="180 jt"
            aria-invalid={Boolean(priceError)}
            aria-describedby={priceError ? "quick-price-error" : undefined}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={pending || !price.trim()}>
          {text["vehicles.quick.changePrice"]}
        </Button>
      </form>
      {priceError ? (
        <p id="quick-price-error" className="text-sm text-destructive">
          {priceError}
        </p>
      ) : null}
    </div>
  );
}
