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

describe("vehicle input messages", () => {
  it("names an i18n key for every problem, in both languages, never zod's English", async () => {
    const { MESSAGES } = await import("@/lib/core/i18n/messages");
    const result = VehicleInput.safeParse({
      stockCode: "no spaces allowed",
      brand: "",
      model: "x".repeat(81),
      year: 1890,
      transmission: "semi",
      mileageKm: -1,
      price: 0n,
      plateNumber: "12345",
      seats: 1.5,
      features: ["x".repeat(81)],
      taxValidUntil: "2025-01-01",
      negotiable: "ya",
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages.length).toBeGreaterThanOrEqual(11);
    for (const message of messages) {
      expect(Object.keys(MESSAGES.id)).toContain(message);
      expect(Object.keys(MESSAGES.en)).toContain(message);
    }
  });
});
