// /dashboard/staff: the showroom's accounts, for whoever holds staff.manage (refused server-side otherwise).
import { StaffManager } from "@/components/dashboard/staff/staff-manager";
import { staffPage } from "@/lib/actions/pages";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/core/i18n/server";
import { listStaff } from "@/lib/staff/staff";

export default async function StaffPage() {
  const {
    user,
    data: { staff, maxStaff },
  } = await staffPage("staff.manage", async ({ tx, user }) => ({
    staff: await listStaff(tx),
    maxStaff: (
      await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { maxStaff: true } })
    ).maxStaff,
  }));
  const { locale, t } = await getTranslator();
  const used = staff.filter((member) => member.isActive).length;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("staff.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("staff.intro")}</p>
        <p className="text-sm font-medium" data-testid="staff-seats">
          {t("staff.seats", { used, max: maxStaff })}
        </p>
      </div>
      <StaffManager
        locale={locale}
        staff={staff.map((member) => ({ ...member, lastLoginAt: member.lastLoginAt?.toISOString() ?? null }))}
        meId={user.id}
        isOwner={can(user.role, "tenant.ownership")}
      />
    </div>
  );
}
