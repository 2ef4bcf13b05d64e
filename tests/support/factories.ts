// Test data through the same domain functions the app uses.
import { randomBytes } from "node:crypto";
import { systemActor } from "@/lib/audit/record";
import { createUser, type Role } from "@/lib/auth/users";
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

/** A photo row without a file behind it, for tests about how many photos a car has. */
export function photoRow(tenantId: string, vehicleId: string, position: number) {
  return {
    tenantId,
    vehicleId,
    position,
    storageKey: `test-photo-${position}`,
    width: 1,
    height: 1,
    bytes: 1,
    blurDataUrl: "data:,",
  };
}
