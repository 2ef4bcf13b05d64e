"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { retryAfterOf } from "@/lib/auth/sign-in-reason";
import { formatWait, type WaitUnits } from "@/lib/core/i18n/wait";

export interface LoginFormText {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  required: string;
  /** Failure reason code -> message, in the visitor's language. */
  errors: Record<string, string>;
  unknownError: string;
  /** Too many attempts: the message takes the wait as {wait}. */
  rateLimited: string;
  waitUnits: WaitUnits;
}

function messageOf(reason: string | null | undefined, text: LoginFormText): string {
  const wait = retryAfterOf(reason);
  if (wait !== null) return text.rateLimited.replace("{wait}", formatWait(wait, text.waitUnits));
  return (reason && text.errors[reason]) || text.unknownError;
}

export function LoginForm({
  area,
  destination,
  text,
}: {
  area: "dashboard" | "admin";
  destination: string;
  text: LoginFormText;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError(text.required);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, area, redirect: false });
      if (result?.ok && !result.error) {
        router.replace(destination);
        router.refresh();
        return;
      }
      setError(messageOf(result?.error, text));
    } catch {
      setError(text.unknownError);
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="space-y-2">
        <Label htmlFor="email">{text.email}</Label>
        <Input id="email" name="email" type="email" autoComplete="username" inputMode="email" required />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">{text.password}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error ? (
        <p
          role="alert"
          data-testid="form-error"
          className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive"
        >
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? text.submitting : text.submit}
      </Button>
    </form>
  );
}
