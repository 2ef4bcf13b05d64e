"use server";
// Platform console actions. Each goes through runAdminAction: active super admin, second factor
// verified for this session, zod input; the domain work lives in lib/admin.
import { type ActionResult, runAdminAction } from "@/lib/admin/run";
import { PlatformSettingsInput, savePlatformSettings } from "@/lib/admin/settings";
import {
  type CreatedShowroom,
  createShowroom,
  deleteShowroom,
  ShowroomCreateInput,
  ShowroomDeleteInput,
  ShowroomLimitsInput,
  ShowroomStatusInput,
  setShowroomStatus,
  updateShowroomLimits,
} from "@/lib/admin/showrooms";
import {
  forcePasswordReset,
  setUserActive,
  UserActiveInput,
  UserIdInput,
  unlockUser,
} from "@/lib/admin/users";
import { revalidateCatalog } from "@/lib/catalog/revalidate";

export async function createShowroomAction(raw: unknown): Promise<ActionResult<CreatedShowroom>> {
  return runAdminAction(ShowroomCreateInput, raw, createShowroom);
}

export async function updateShowroomLimitsAction(raw: unknown): Promise<ActionResult<{ ok: true }>> {
  return runAdminAction(ShowroomLimitsInput, raw, updateShowroomLimits);
}

export async function setShowroomStatusAction(
  raw: unknown,
): Promise<ActionResult<{ status: "active" | "suspended" }>> {
  return runAdminAction(ShowroomStatusInput, raw, async (actor, input) => {
    const result = await setShowroomStatus(actor, input);
    // After commit: the catalog and the host lookup must show the new state at once.
    await revalidateCatalog(input.tenantId, { lookup: true });
    return result;
  });
}

export async function deleteShowroomAction(raw: unknown): Promise<ActionResult<{ deleted: string }>> {
  return runAdminAction(ShowroomDeleteInput, raw, async (actor, input) => {
    const result = await deleteShowroom(actor, input);
    await revalidateCatalog(input.tenantId, { lookup: true });
    return result;
  });
}

export async function setUserActiveAction(raw: unknown): Promise<ActionResult<{ isActive: boolean }>> {
  return runAdminAction(UserActiveInput, raw, setUserActive);
}

export async function forcePasswordResetAction(
  raw: unknown,
): Promise<ActionResult<{ email: string; temporaryPassword: string }>> {
  return runAdminAction(UserIdInput, raw, forcePasswordReset);
}

export async function unlockUserAction(raw: unknown): Promise<ActionResult<{ ok: true }>> {
  return runAdminAction(UserIdInput, raw, unlockUser);
}

export async function savePlatformSettingsAction(raw: unknown): Promise<ActionResult<{ ok: true }>> {
  return runAdminAction(PlatformSettingsInput, raw, savePlatformSettings);
}
