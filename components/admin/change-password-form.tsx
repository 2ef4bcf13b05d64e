"use client";
// Current password once, new password twice; the server action checks the session, the current
// password and the length again.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changePasswordAction } from "@/app/(platform)/account/password/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type Locale, translator } from "@/lib/core/i18n/messages";

export function ChangePasswordForm({ locale }: { locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const currentPassword = String(data.get("currentPassword") ?? "");
        const password = String(data.get("password") ?? "");
        if (password !== String(data.get("confirm") ?? "")) return setError(t("account.password.mismatch"));
        startTransition(async () => {
          const result = await changePasswordAction({ currentPassword, password });
          if (!result.ok)
            return setError(
              result.fieldErrors?.currentPassword?.[0] ?? result.fieldErrors?.password?.[0] ?? result.message,
            );
          router.replace(result.data.next);
        });
      }}
    >
      <div className="space-y-1">
        <Label htmlFor="currentPassword">{t("security.password.current")}</Label>
        <Input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
      </div>
      <div className="space-y-1">
        <Label htmlFor="password">{t("account.password.new")}</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
        />
      </div>
      <div className="space-y-1">
        <Label htmlFor="confirm">{t("account.password.confirm")}</Label>
        <Input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
        />
      </div>
      {error && (
        <p className="text-sm text-destructive" role="alert" data-testid="form-error">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {t("account.password.submit")}
      </Button>
    </form>
  );
}
