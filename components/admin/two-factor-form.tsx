"use client";
// The second-factor step after password sign-in: enrolment (QR + secret, then ten recovery codes
// shown once) or verification with an app code or a recovery code. The server decides; this only asks.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { confirmEnrolmentAction, verifySecondFactorAction } from "@/app/(platform)/admin/two-factor/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type Locale, translator } from "@/lib/core/i18n/messages";

export function TwoFactorForm({ locale, mode }: { locale: Locale; mode: "enrol" | "verify" | "done" }) {
  const t = translator(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<{ codes: string[]; next: string } | null>(null);

  function submit(form: HTMLFormElement) {
    const code = String(new FormData(form).get("code") ?? "");
    startTransition(async () => {
      const result = await (mode === "enrol" ? confirmEnrolmentAction : verifySecondFactorAction)({ code });
      if (!result.ok) {
        setError(
          result.reason === "invalid_code" || result.reason === "invalid_input"
            ? t("admin.2fa.error.invalid_code")
            : result.reason === "locked"
              ? t("admin.2fa.error.locked")
              : t("admin.2fa.error.other"),
        );
        return;
      }
      const next = result.mustChangePassword ? "/account/password" : "/admin";
      if (result.recoveryCodes) setCodes({ codes: result.recoveryCodes, next });
      else router.replace(next);
    });
  }

  if (codes) {
    return (
      <div className="space-y-3">
        <h2 className="text-lg font-semibold">{t("admin.2fa.recoveryTitle")}</h2>
        <p className="text-sm text-muted-foreground">{t("admin.2fa.recoveryHelp")}</p>
        <ul
          className="grid grid-cols-2 gap-2 rounded-md border border-border bg-muted/40 p-3 font-mono text-sm"
          data-testid="recovery-codes"
        >
          {codes.codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Button className="w-full" onClick={() => router.replace(codes.next)}>
          {t("admin.2fa.continue")}
        </Button>
      </div>
    );
  }

  if (mode === "done") {
    return (
      <Button className="w-full" onClick={() => router.replace("/admin")}>
        {t("admin.2fa.continue")}
      </Button>
    );
  }

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
    >
      <div className="space-y-1">
        <Label htmlFor="code">{t("admin.2fa.code")}</Label>
        <Input
          id="code"
          name="code"
          inputMode={mode === "enrol" ? "numeric" : "text"}
          autoComplete="one-time-code"
          required
          maxLength={32}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {error && (
        <p className="text-sm text-destructive" role="alert" data-testid="form-error">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {t("admin.2fa.submit")}
      </Button>
    </form>
  );
}
