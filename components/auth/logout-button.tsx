"use client";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function LogoutButton({ label, to }: { label: string; to: string }) {
  return (
    <Button variant="outline" size="sm" onClick={() => signOut({ callbackUrl: to })}>
      {label}
    </Button>
  );
}
