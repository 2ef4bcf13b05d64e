// Test data through the same domain functions the app uses.
import { randomBytes } from "node:crypto";
import { systemActor } from "@/lib/audit/record";
import { createUser, type Role } from "@/lib/auth/users";
import { withTenant } from "@/lib/core/db/tenant";
import { createVehicle } from "@/lib/inventory/vehicles";
import { createTenant } from "@/lib/tenancy/tenants";

export const uniqueSlug = (prefix = "t") => `${prefix}-${randomBytes(4).toString("hex")}`;

export async function makeTenant(name = "Test Showroom") {
  return createTenant(
    { slug: uniqueSlug(), name, city: "Jakarta", whatsappNumber: "081234567890" },
    systemActor("test"),
  );
}

export async function makeUser(options: {
  tenantId?: string;
  role: Role;
  password?: string;
  whatsappNumber?: string;
}) {
  const email = `${options.role}-${randomBytes(4).toString("hex")}@example.test`;
  const password = options.password ?? "rahasia-123";
  const user = await createUser(
    {
      email,
      password,
      name: `Test ${options.role}`,
      role: options.role,
      tenantId: options.tenantId,
      whatsappNumber: options.whatsappNumber,
    },
    systemActor("test"),
  );
  return { ...user, password };
}

/** An available Toyota Avanza 1.5 G 2019 automatic at Rp 185 juta, with the given stock code. */
export async function makeAvanza(tenantId: string, stockCode: string) {
  return withTenant(tenantId, (tx) =>
    createVehicle(tx, {
      tenantId,
      actor: systemActor("test"),
      input: {
        stockCode,
        brand: "Toyota",
        model: "Avanza",
        variant: "1.5 G",
        year: 2019,
        transmission: "automatic",
        mileageKm: 40_000,
        price: 185_000_000n,
        status: "available",
      },
    }),
  );
}
