"use server";
// Staff management actions (staff.manage); lib/staff decides who may change whom.
import { staffAction } from "@/lib/actions/client";
import {
  changeStaffRole,
  createStaff,
  StaffActiveInput,
  StaffCreateInput,
  StaffRoleInput,
  setStaffActive,
} from "@/lib/staff/staff";

const manage = staffAction("staff.manage");

export const createStaffAction = manage.input(StaffCreateInput).action(createStaff);
export const changeStaffRoleAction = manage.input(StaffRoleInput).action(changeStaffRole);
export const setStaffActiveAction = manage.input(StaffActiveInput).action(setStaffActive);
