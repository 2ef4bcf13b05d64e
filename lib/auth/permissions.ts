// Roles -> permissions, as data. Every layout, server action and route handler asks this table
// (through lib/auth/guards.ts); nothing checks a role name directly.
import type { Role } from "@/lib/auth/users";

export const PERMISSIONS = [
  "dashboard.view",
  "vehicles.read",
  "vehicles.write",
  /** Prices and sold cars beyond the showroom's limits for sales staff (lib/inventory/sales-limits.ts). */
  "vehicles.manage",
  "vehicles.import",
  "leads.read.own",
  "leads.read.all",
  "leads.write",
  "leads.assign",
  "conversations.read",
  "conversations.reply",
  "staff.manage",
  "settings.manage",
  "audit.read",
  "tenant.ownership",
  "platform.admin",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const SALES: readonly Permission[] = [
  "dashboard.view",
  "vehicles.read",
  "vehicles.write",
  "leads.read.own",
  "leads.write",
  "conversations.read",
  "conversations.reply",
];
const ADMIN: readonly Permission[] = [
  ...SALES,
  "vehicles.manage",
  "vehicles.import",
  "leads.read.all",
  "leads.assign",
  "staff.manage",
  "settings.manage",
  "audit.read",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  super_admin: ["platform.admin"],
  owner: [...ADMIN, "tenant.ownership"],
  admin: ADMIN,
  sales: SALES,
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
