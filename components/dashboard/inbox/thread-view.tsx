"use client";
// One conversation: messages with ticks (polled every 3 s), take over / hand back, assignment, the
// lead, and replies (text or a car from stock). Each draft carries one id made here, so a double
// submit reaches the outbox with the same idempotency key and is sent once.
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import {
  assignConversationAction,
  handBackAction,
  linkLeadAction,
  replyAction,
  sendVehicleAction,
  takeOverAction,
} from "@/app/(platform)/dashboard/inbox/actions";
import { MessageBubble } from "@/components/dashboard/inbox/message-bubble";
import { newClientId, useThread } from "@/components/dashboard/inbox/use-thread";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/use-toast";
import type { ActionResult } from "@/lib/actions/result";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { Thread } from "@/lib/whatsapp/inbox";

export interface ThreadViewProps {
  locale: Locale;
  initial: Thread;
  me: { id: string; seesAll: boolean; canAssign: boolean; canLinkLead: boolean };
  staff: { id: string; name: string }[];
  vehicles: { id: string; label: string }[];
}

export function ThreadView({ locale, initial, me, staff, vehicles }: ThreadViewProps) {
  const t = translator(locale);
  const thread = useThread({ conversationId: initial.conversation.id, initial });
  const conversation = thread.conversation ?? initial.conversation;
  const [text, setText] = useState("");
  const [vehicleId, setVehicleId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const draftId = useRef<string>("");
  const end = useRef<HTMLLIElement>(null);
  const heldByOther = !me.seesAll && conversation.assignee !== null && conversation.assignee.id !== me.id;

  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, []);

  const newDraftId = () => (draftId.current = newClientId());
  if (!draftId.current) newDraftId();

  const run = <T,>(work: () => Promise<ActionResult<T>>, done?: (data: T) => void) =>
    startTransition(async () => {
      const result = await work();
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      done?.(result.data);
      await thread.refresh();
    });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 rounded-lg border border-border bg-background p-3">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-lg font-bold" data-testid="thread-title">
            {conversation.contactName}
          </h1>
          <p className="text-xs text-muted-foreground">
            {conversation.contactNumber ? `+${conversation.contactNumber}` : ""}
          </p>
        </div>
        <Badge data-testid="thread-mode" variant={conversation.mode === "human" ? "warning" : "secondary"}>
          {t(`inbox.mode.${conversation.mode}`)}
        </Badge>
        <span className="text-xs text-muted-foreground" data-testid="thread-assignee">
          {conversation.assignee?.name ?? t("inbox.unassigned")}
        </span>
        <div className="flex w-full flex-wrap gap-2">
          {conversation.mode === "assistant" || conversation.assignee?.id !== me.id ? (
            <Button
              size="sm"
              disabled={pending || heldByOther}
              onClick={() =>
                run(
                  () => takeOverAction({ conversationId: conversation.id }),
                  () => toast({ title: t("inbox.takenOver") }),
                )
              }
            >
              {t("inbox.takeOver")}
            </Button>
          ) : null}
          {conversation.mode === "human" ? (
            <Button
              size="sm"
              variant="outline"
              disabled={pending || heldByOther}
              onClick={() =>
                run(
                  () => handBackAction({ conversationId: conversation.id }),
                  () => toast({ title: t("inbox.handedBack") }),
                )
              }
            >
              {t("inbox.handBack")}
            </Button>
          ) : null}
          {conversation.leadId ? (
            <Button size="sm" variant="outline" asChild>
              <Link href={`/dashboard/leads/${conversation.leadId}`}>{t("inbox.lead.open")}</Link>
            </Button>
          ) : me.canLinkLead ? (
            <Button
              size="sm"
              variant="outline"
              disabled={pending || heldByOther}
              onClick={() => run(() => linkLeadAction({ conversationId: conversation.id }))}
            >
              {t("inbox.lead.create")}
            </Button>
          ) : null}
        </div>
        {me.canAssign ? (
          <div className="flex w-full items-center gap-2">
            <Label htmlFor="assign" className="shrink-0 text-xs">
              {t("inbox.assign")}
            </Label>
            <NativeSelect
              id="assign"
              value={conversation.assignee?.id ?? ""}
              disabled={pending}
              onChange={(event) => {
                const assigneeId = event.target.value;
                if (assigneeId)
                  run(
                    () => assignConversationAction({ conversationId: conversation.id, assigneeId }),
                    () => toast({ title: t("inbox.assigned") }),
                  );
              }}
            >
              <option value="">{t("inbox.unassigned")}</option>
              {staff.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </NativeSelect>
          </div>
        ) : null}
      </div>

      <ol
        data-testid="thread"
        aria-live="polite"
        className="min-h-64 space-y-2 rounded-lg border border-border bg-[#efeae2] p-3 dark:bg-muted"
      >
        {thread.messages.length === 0 ? (
          <li className="py-8 text-center text-sm text-muted-foreground">{t("inbox.noMessages")}</li>
        ) : null}
        {thread.messages.map((message) => (
          <MessageBubble
            key={message.id}
            message={message}
            locale={locale}
            side="showroom"
            contactName={conversation.contactName}
          />
        ))}
        <li ref={end} aria-hidden />
      </ol>

      {heldByOther ? (
        <p className="text-sm text-muted-foreground">
          {t("inbox.reply.readOnly", { name: conversation.assignee?.name ?? "" })}
        </p>
      ) : (
        <div className="space-y-2 rounded-lg border border-border bg-background p-3">
          {conversation.mode === "assistant" ? (
            <p className="text-xs text-muted-foreground">{t("inbox.reply.assistantActive")}</p>
          ) : null}
          <form
            className="space-y-2"
            onSubmit={(event) => {
              event.preventDefault();
              const body = text.trim();
              if (!body) return;
              const clientId = draftId.current;
              run(
                () => replyAction({ conversationId: conversation.id, clientId, text: body }),
                () => {
                  setText("");
                  newDraftId();
                },
              );
            }}
          >
            <Label htmlFor="reply">{t("inbox.reply.label")}</Label>
            <Textarea
              id="reply"
              rows={2}
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder={t("inbox.reply.placeholder")}
            />
            <Button type="submit" className="w-full sm:w-auto" disabled={pending || !text.trim()}>
              {pending ? t("inbox.reply.sending") : t("inbox.reply.send")}
            </Button>
          </form>
          <form
            className="flex flex-col gap-2 sm:flex-row sm:items-end"
            onSubmit={(event) => {
              event.preventDefault();
              if (!vehicleId) return;
              const clientId = draftId.current;
              run(
                () => sendVehicleAction({ conversationId: conversation.id, clientId, vehicleId }),
                () => {
                  setVehicleId("");
                  newDraftId();
                },
              );
            }}
          >
            <div className="flex-1 space-y-1.5">
              <Label htmlFor="car">{t("inbox.car.label")}</Label>
              <NativeSelect id="car" value={vehicleId} onChange={(event) => setVehicleId(event.target.value)}>
                <option value="">{t("inbox.car.choose")}</option>
                {vehicles.map((vehicle) => (
                  <option key={vehicle.id} value={vehicle.id}>
                    {vehicle.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button type="submit" variant="outline" disabled={pending || !vehicleId}>
              {t("inbox.car.send")}
            </Button>
          </form>
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}
