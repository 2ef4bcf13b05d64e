"use client";
// Runs one WhatsApp action from the tab or the console: field errors and a message on failure,
// the page's server data refreshed on success.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { type Locale, MESSAGES, type MessageKey, translator } from "@/lib/core/i18n/messages";

export function useRun() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  function run<T>(call: () => Promise<ActionResult<T>>, onOk?: (data: T) => void) {
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setError(result.message);
        return;
      }
      setErrors({});
      setError(null);
      onOk?.(result.data);
      router.refresh();
    });
  }
  return { pending, errors, error, setError, run };
}

/** A message key a domain function returned (refresh's problem), in the visitor's language. */
export function translateKey(locale: Locale, key: string): string {
  const isKey = (value: string): value is MessageKey => Object.hasOwn(MESSAGES.id, value);
  return isKey(key) ? translator(locale)(key) : key;
}

export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p className="text-sm text-destructive" role="alert" data-testid="whatsapp-error">
      {error}
    </p>
  ) : null;
}
