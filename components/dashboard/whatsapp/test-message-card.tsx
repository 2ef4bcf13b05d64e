"use client";
// "Send test message": through the outbox like any reply; on the dashboard its ticks are followed
// until it is read or has failed.
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type Locale, type MessageKey, translator } from "@/lib/core/i18n/messages";
import type { TestMessageSent, TestMessageStatus } from "@/lib/whatsapp/test-message";
import type { Scope, WhatsAppActions } from "./types";
import { FormError, useRun } from "./use-run";

const POLL_MS = 2000;
const POLL_FOR_MS = 60_000;
const FINAL = new Set(["read", "failed"]);
const STATUS: Record<TestMessageStatus["status"], MessageKey> = {
  received: "whatsapp.status.received",
  queued: "whatsapp.status.queued",
  sent: "whatsapp.status.sent",
  delivered: "whatsapp.status.delivered",
  read: "whatsapp.status.read",
  failed: "whatsapp.status.failed",
};

export function TestMessageCard(props: { locale: Locale; scope: Scope; actions: WhatsAppActions }) {
  const { locale, scope, actions } = props;
  const t = translator(locale);
  const { pending, errors, error, run } = useRun();
  const [to, setTo] = useState("");
  const [sent, setSent] = useState<TestMessageSent | null>(null);
  const [status, setStatus] = useState<TestMessageStatus | null>(null);
  const poll = actions.testStatus;

  useEffect(() => {
    if (!sent || !poll) return;
    const started = Date.now();
    let stopped = false;
    const tick = async () => {
      if (stopped) return;
      const result = await poll({ messageId: sent.messageId });
      if (stopped || !result.ok) return;
      setStatus(result.data);
      if (!FINAL.has(result.data.status) && Date.now() - started < POLL_FOR_MS)
        timer = setTimeout(tick, POLL_MS);
    };
    let timer = setTimeout(tick, 500);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [sent, poll]);

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("whatsapp.test")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="space-y-3"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setStatus(null);
            run(
              () => actions.sendTest({ to, clientId: crypto.randomUUID(), ...scope }),
              (data) => setSent(data),
            );
          }}
        >
          <p className="text-sm text-muted-foreground">{t("whatsapp.testHint")}</p>
          <div className="space-y-1.5">
            <Label htmlFor="wa-test-to">{t("whatsapp.testTo")}</Label>
            <Input
              id="wa-test-to"
              type="tel"
              inputMode="tel"
              placeholder="0812 3456 7890"
              value={to}
              onChange={(event) => setTo(event.target.value)}
              aria-invalid={Boolean(errors.to)}
            />
            {errors.to?.length ? (
              <p className="text-sm text-destructive" role="alert">
                {errors.to.join(" ")}
              </p>
            ) : null}
          </div>
          <FormError error={error} />
          <Button type="submit" disabled={pending}>
            {t("whatsapp.testSend")}
          </Button>
          {sent && (
            <div className="space-y-1 text-sm" role="status" data-testid="test-message">
              <p>{t("whatsapp.testQueued")}</p>
              {status && (
                <p data-testid="test-status" data-status={status.status}>
                  {t("whatsapp.testStatus", { status: t(STATUS[status.status]) })}
                  {status.errorCode ? ` (${status.errorCode} ${status.errorTitle ?? ""})` : ""}
                </p>
              )}
              {poll && (
                <Link className="text-primary underline" href={`/dashboard/inbox/${sent.conversationId}`}>
                  {t("whatsapp.testOpen")}
                </Link>
              )}
            </div>
          )}
        </form>
      </CardContent>
    </Card>
  );
}
