// Who may change a showroom's settings: the one permission check of lib/settings' use cases.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import { Forbidden } from "@/lib/core/errors";

export function requireSettingsManager(context: StaffContext): void {
  if (!can(context.user.role, "settings.manage")) throw new Forbidden();
}
