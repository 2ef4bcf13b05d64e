"use server";
// Notification centre actions: every staff member marks their own notifications read and chooses
// their own channels; the showroom's alert settings need settings.manage.
import { z } from "zod";
import { staffAction } from "@/lib/actions/client";
import { MarkReadInput, markNotificationsRead } from "@/lib/notifications/center";
import { MyNotificationSettingsInput, updateMyNotificationSettings } from "@/lib/notifications/preferences";
import { StaffAlertSettingsInput, updateStaffAlertSettings } from "@/lib/settings/staff-alerts";

const anyStaff = staffAction("dashboard.view");

export const markNotificationsReadAction = anyStaff.input(MarkReadInput).action(markNotificationsRead);
export const markAllNotificationsReadAction = anyStaff
  .input(z.object({}))
  .action((context) => markNotificationsRead(context, { all: true }));
export const saveMyNotificationSettingsAction = anyStaff
  .input(MyNotificationSettingsInput)
  .action(updateMyNotificationSettings);
export const saveStaffAlertSettingsAction = staffAction("settings.manage")
  .input(StaffAlertSettingsInput)
  .action(updateStaffAlertSettings);
