"use server";
// Staff management actions: each runs through runStaffAction (staff.manage, zod, tenant transaction).
import { type ActionResult, runStaffAction } from "@/lib/actions/staff";
import {
  changeStaffRole,
  createStaff,
  StaffActiveInput,
  StaffCreateInput,
  type StaffMember,
  StaffRoleInput,
  setStaffActive,
} from "@/lib/staff/staff";

export async function createStaffAction(
  raw: unknown,
): Promise<ActionResult<{ user: StaffMember; generatedPassword: string | null }>> {
  return runStaffAction({ permission: "staff.manage", input: StaffCreateInput }, raw, createStaff);
}

export async function changeStaffRoleAction(raw: unknown): Promise<ActionResult<StaffMember>> {
  return runStaffAction({ permission: "staff.manage", input: StaffRoleInput }, raw, changeStaffRole);
}

export async function setStaffActiveAction(raw: unknown): Promise<ActionResult<StaffMember>> {
  return runStaffAction({ permission: "staff.manage", input: StaffActiveInput }, raw, setStaffActive);
}
