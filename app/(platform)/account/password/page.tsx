// Choosing a new password, required after an operator forced a reset (or a new owner's first sign-in).
import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { accountPage } from "@/lib/actions/pages";
import { getTranslator } from "@/lib/core/i18n/server";

export const metadata: Metadata = { title: "Kata sandi baru · autolumiku" };
export const dynamic = "force-dynamic";

export default async function PasswordPage() {
  await accountPage();
  const { locale, t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <Card>
        <CardHeader>
          <CardTitle>{t("account.password.title")}</CardTitle>
          <p className="text-sm text-muted-foreground">{t("account.password.help")}</p>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm locale={locale} />
        </CardContent>
      </Card>
    </div>
  );
}
