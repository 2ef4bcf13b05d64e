"use client";
// Ends every session of this account on the server, then this browser's cookie too.
import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { signOutEverywhereAction } from "@/app/(platform)/account/actions";
import { Button } from "@/components/ui/button";

export function SignOutEverywhereButton({ label }: { label: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        variant="destructive"
        disabled={pending}
        data-testid="sign-out-everywhere"
        onClick={() =>
          startTransition(async () => {
            const result = await signOutEverywhereAction(undefined);
            if (!result.ok) return setError(result.message);
            await signOut({ callbackUrl: result.data.next });
          })
        }
      >
        {label}
      </Button>
      {error ? (
        <p className="text-sm text-destructive" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
