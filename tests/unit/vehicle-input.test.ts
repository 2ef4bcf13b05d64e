import { describe, expect, it } from "vitest";
import { VehicleInput, VehiclePatch } from "@/lib/inventory/vehicle-input";

describe("vehicle input", () => {
  it("fills the usual defaults for a new car", () => {
    const car = VehicleInput.parse({
      stockCode: "AV-1",
      brand: "Toyota",
      model: "Avanza",
      year: 2020,
      transmission: "manual",
      mileageKm: 1,
      price: 1n,
    });
    expect(car).toMatchObject({
      status: "available",
      fuel: "petrol",
      negotiable: true,
      featured: false,
      features: [],
    });
  });

  it("keeps a price change to the price: a booked car stays booked", () => {
    expect(VehiclePatch.parse({ price: 160_000_000n })).toEqual({ price: 160_000_000n });
    expect(VehiclePatch.parse({ status: "sold" })).toEqual({ status: "sold" });
  });
});
