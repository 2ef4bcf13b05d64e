"use client";
// Shared save flow of the settings forms: run the action, show field errors or a toast, refresh.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/use-toast";

type Result = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export function useSave(successTitle: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function save(action: () => Promise<Result>, after?: () => void) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.message);
        return;
      }
      setErrors({});
      setFormError(null);
      toast({ title: successTitle });
      after?.();
      router.refresh();
    });
  }
  return { pending, errors, formError, save };
}

export function FieldError({ messages }: { messages?: string[] }) {
  return messages?.length ? (
    <p className="text-sm text-destructive" role="alert">
      {messages.join(" ")}
    </p>
  ) : null;
}
