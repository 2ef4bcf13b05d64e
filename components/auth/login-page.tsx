// The shared sign-in screen of /login (showroom staff) and /admin/login (platform admins).
import Link from "next/link";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/site/language-switch";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { LoginFailure } from "@/lib/auth/authenticate";
import { getTranslator } from "@/lib/core/i18n/server";
import { waitUnits } from "@/lib/core/i18n/wait";

/** Reasons with a fixed message; a rate limit is written with its wait (limits.signIn). */
const FAILURES: Exclude<LoginFailure, "rate_limited">[] = [
  "invalid_credentials",
  "locked",
  "inactive",
  "suspended",
  "use_admin_login",
  "use_staff_login",
];

export async function LoginPage({ area }: { area: "dashboard" | "admin" }) {
  const { locale, t } = await getTranslator();
  const errors = Object.fromEntries(FAILURES.map((reason) => [reason, t(`login.error.${reason}`)]));
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 px-4 py-10">
      <div className="flex w-full max-w-sm items-center justify-between">
        <Link href="/" className="text-lg font-semibold tracking-tight text-primary">
          {t("app.name")}
        </Link>
        <LanguageSwitch locale={locale} label={t("lang.label")} />
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>
            <h1>{area === "admin" ? t("login.adminTitle") : t("login.title")}</h1>
          </CardTitle>
          <CardDescription>{area === "admin" ? t("login.adminHint") : t("login.staffHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <LoginForm
            area={area}
            destination={area === "admin" ? "/admin" : "/dashboard"}
            text={{
              email: t("login.email"),
              password: t("login.password"),
              submit: t("login.submit"),
              submitting: t("login.submitting"),
              required: t("login.error.required"),
              errors,
              unknownError: t("login.error.unknown"),
              rateLimited: t("limits.signIn"),
              waitUnits: waitUnits(t),
            }}
          />
        </CardContent>
      </Card>
    </main>
  );
}
