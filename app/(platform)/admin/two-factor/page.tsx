// The second factor after password sign-in: enrolment for a super admin without it, a code otherwise.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TwoFactorForm } from "@/components/admin/two-factor-form";
import { TopBar } from "@/components/dashboard/top-bar";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser, secondFactorVerified } from "@/lib/auth/guards";
import { startEnrolment, twoFactorState } from "@/lib/auth/two-factor";
import { getTranslator } from "@/lib/core/i18n/server";

export const metadata: Metadata = { title: "Verifikasi dua langkah · autolumiku" };
export const dynamic = "force-dynamic";

export default async function TwoFactorPage() {
  const user = await currentUser();
  if (!user) redirect("/admin/login");
  if (user.role !== "super_admin") redirect("/dashboard");
  // Once verified, this page is not left by redirect: confirming enrolment sets the proof cookie,
  // which re-renders this page, and the form (same position, same key) must keep the recovery
  // codes on screen. The form then offers the way into the console.
  const verified = await secondFactorVerified(user);
  const { locale, t } = await getTranslator();
  const actor = { kind: "super_admin" as const, userId: user.id, email: user.email };
  const state = verified ? "enrolled" : (await twoFactorState(actor)).state;
  const enrolment = state === "not_enrolled" ? await startEnrolment(actor) : null;
  return (
    <div className="min-h-dvh bg-muted/30">
      <TopBar
        home="/admin"
        area={t("admin.title")}
        locale={locale}
        languageLabel={t("lang.label")}
        logoutLabel={t("nav.logout")}
        logoutTo="/admin/login"
      />
      <div className="mx-auto max-w-md px-4 py-6">
        <Card>
          <CardHeader>
            <CardTitle>{enrolment ? t("admin.2fa.enrolTitle") : t("admin.2fa.verifyTitle")}</CardTitle>
            <p className="text-sm text-muted-foreground" data-testid="signed-in-as">
              {t("admin.signedInAs", { email: user.email })}
            </p>
          </CardHeader>
          <CardContent className="space-y-4">
            {enrolment ? (
              <>
                <p className="text-sm">{t("admin.2fa.enrolHelp")}</p>
                {/* Rendered on the server from our own QR encoder: modules only, no text from the URI. */}
                <div
                  className="mx-auto w-56 rounded-md bg-white p-2"
                  data-testid="totp-qr"
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG from our own QR encoder, no user text
                  dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
                />
                <div className="space-y-1">
                  <p className="text-sm font-medium">{t("admin.2fa.secret")}</p>
                  <code
                    className="block break-all rounded-md bg-muted px-3 py-2 font-mono text-sm"
                    data-testid="totp-secret"
                  >
                    {enrolment.secret}
                  </code>
                </div>
              </>
            ) : null}
            {!enrolment && !verified ? <p className="text-sm">{t("admin.2fa.verifyHelp")}</p> : null}
            <TwoFactorForm
              key="second-factor"
              locale={locale}
              mode={verified ? "done" : enrolment ? "enrol" : "verify"}
            />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
