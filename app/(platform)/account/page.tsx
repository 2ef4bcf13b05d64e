// /account: the signed-in person's own account, for staff and super admins alike: change the
// password (the current one asked again) and sign out everywhere.
import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { SignOutEverywhereButton } from "@/components/auth/sign-out-everywhere-button";
import { TopBar } from "@/components/dashboard/top-bar";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { accountPage } from "@/lib/actions/pages";
import { getTranslator } from "@/lib/core/i18n/server";

export const metadata: Metadata = { title: "Akun · autolumiku" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await accountPage();
  const { locale, t } = await getTranslator();
  const platform = user.tenantId === null;
  return (
    <div className="min-h-dvh bg-muted/30">
      <TopBar
        home={platform ? "/admin" : "/dashboard"}
        area={platform ? t("admin.title") : (user.tenantName ?? "")}
        locale={locale}
        languageLabel={t("lang.label")}
        logoutLabel={t("nav.logout")}
        logoutTo={platform ? "/admin/login" : "/login"}
      />
      <div className="mx-auto max-w-md space-y-6 px-4 py-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">{t("security.account.title")}</h1>
          <p className="text-sm text-muted-foreground" data-testid="signed-in-as">
            {t("security.account.intro", { email: user.email })}
          </p>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>{t("security.password.title")}</CardTitle>
            <p className="text-sm text-muted-foreground">{t("security.password.help")}</p>
          </CardHeader>
          <CardContent>
            <ChangePasswordForm locale={locale} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("security.everywhere.title")}</CardTitle>
            <p className="text-sm text-muted-foreground">{t("security.everywhere.help")}</p>
          </CardHeader>
          <CardContent>
            <SignOutEverywhereButton label={t("security.everywhere.button")} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
