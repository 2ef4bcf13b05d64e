// /dashboard/notifications/settings: each person's WhatsApp number and channels per notification
// type; owners and admins also set the showroom's alert settings (time zone, escalation, template).
import { MyNotificationSettingsForm } from "@/components/dashboard/notifications/my-settings-form";
import { ShowroomAlertSettingsForm } from "@/components/dashboard/notifications/showroom-settings-form";
import { staffPage } from "@/lib/actions/pages";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/core/i18n/server";
import { readMyNotificationSettings } from "@/lib/notifications/preferences";
import { readStaffAlertSettings } from "@/lib/settings/staff-alerts";

export default async function NotificationSettingsPage() {
  const { locale, t } = await getTranslator();
  const { user, data } = await staffPage("dashboard.view", async ({ tx, user }) => ({
    mine: await readMyNotificationSettings(tx, user),
    showroom: can(user.role, "settings.manage") ? await readStaffAlertSettings(tx, user.tenantId) : null,
  }));
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("notifications.prefs.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("notifications.prefs.intro")}</p>
      </div>
      <MyNotificationSettingsForm locale={locale} settings={data.mine} />
      {data.showroom && can(user.role, "settings.manage") ? (
        <ShowroomAlertSettingsForm
          locale={locale}
          settings={{
            timeZone: data.showroom.timeZone,
            escalationMinutes: data.showroom.escalationMinutes,
            templateName: data.showroom.template?.name ?? "",
            templateLanguage: data.showroom.template?.language ?? "id",
          }}
        />
      ) : null}
    </div>
  );
}
