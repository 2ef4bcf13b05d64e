import { describe, expect, it } from "vitest";
import { can, ROLE_PERMISSIONS } from "@/lib/auth/permissions";

describe("role permissions", () => {
  it("keeps sales staff out of staff management, settings and the audit log", () => {
    for (const permission of [
      "staff.manage",
      "settings.manage",
      "audit.read",
      "leads.read.all",
      "vehicles.import",
    ] as const) {
      expect(can("sales", permission)).toBe(false);
    }
    expect(can("sales", "vehicles.write")).toBe(true);
    expect(can("sales", "leads.read.own")).toBe(true);
  });

  it("gives admins everything an owner has except ownership", () => {
    const owner = new Set(ROLE_PERMISSIONS.owner);
    owner.delete("tenant.ownership");
    expect(new Set(ROLE_PERMISSIONS.admin)).toEqual(owner);
    expect(can("admin", "tenant.ownership")).toBe(false);
  });

  it("gives super admins the platform and nothing inside a showroom", () => {
    expect(ROLE_PERMISSIONS.super_admin).toEqual(["platform.admin"]);
    expect(can("owner", "platform.admin")).toBe(false);
  });
});
