"use server";
// Platform console actions: an active super admin whose session passed the second factor (the
// action client checks it every time); the domain work, audited, lives in lib/admin.
import { adminAction } from "@/lib/actions/client";
import { PlatformSettingsInput, savePlatformSettings } from "@/lib/admin/settings";
import {
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

const admin = adminAction();

/** The catalog and the host lookup must show a suspended or deleted showroom at once. */
const refreshShowroom = (_result: unknown, _done: unknown, input: { tenantId: string }) =>
  revalidateCatalog(input.tenantId, { lookup: true });

export const createShowroomAction = admin
  .input(ShowroomCreateInput)
  .action(({ actor }, input) => createShowroom(actor, input));

export const updateShowroomLimitsAction = admin
  .input(ShowroomLimitsInput)
  .action(({ actor }, input) => updateShowroomLimits(actor, input));

export const setShowroomStatusAction = admin
  .input(ShowroomStatusInput)
  .afterCommit(refreshShowroom)
  .action(({ actor }, input) => setShowroomStatus(actor, input));

export const deleteShowroomAction = admin
  .input(ShowroomDeleteInput)
  .afterCommit(refreshShowroom)
  .action(({ actor }, input) => deleteShowroom(actor, input));

export const setUserActiveAction = admin
  .input(UserActiveInput)
  .action(({ actor }, input) => setUserActive(actor, input));

export const forcePasswordResetAction = admin
  .input(UserIdInput)
  .action(({ actor }, input) => forcePasswordReset(actor, input));

export const unlockUserAction = admin
  .input(UserIdInput)
  .action(({ actor }, input) => unlockUser(actor, input));

export const savePlatformSettingsAction = admin
  .input(PlatformSettingsInput)
  .action(({ actor }, input) => savePlatformSettings(actor, input));
