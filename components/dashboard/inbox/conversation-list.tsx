"use client";
// The inbox list: unread counts, last message and time, mode and assignee; re-read every 3 s
// (only a version string comes back when nothing changed).
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { POLL_MS } from "@/components/dashboard/inbox/use-thread";
import { Badge } from "@/components/ui/badge";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import { cn } from "@/lib/utils";
import type { ConversationSummary, ConversationList as ListData } from "@/lib/whatsapp/inbox";

type Poll = ({ changed: false } | ({ changed: true } & ListData)) & { version: string };

function when(iso: string | null, locale: Locale): string {
  if (!iso) return "";
  const date = new Date(iso);
  const tag = locale === "id" ? "id-ID" : "en-GB";
  return date.toDateString() === new Date().toDateString()
    ? date.toLocaleTimeString(tag, { hour: "2-digit", minute: "2-digit" })
    : date.toLocaleDateString(tag, { day: "numeric", month: "short" });
}

export function ConversationList({ locale, initial }: { locale: Locale; initial: ListData }) {
  const t = translator(locale);
  const [conversations, setConversations] = useState<ConversationSummary[]>(initial.conversations);
  const version = useRef(initial.version);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const response = await fetch(`/api/dashboard/inbox?version=${encodeURIComponent(version.current)}`, {
          cache: "no-store",
        });
        if (response.ok) {
          const poll = (await response.json()) as Poll;
          version.current = poll.version;
          if (poll.changed) setConversations(poll.conversations);
        }
      } catch {
        // The next tick tries again.
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, []);

  if (conversations.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-border bg-background p-6 text-center text-sm text-muted-foreground">
        {t("inbox.empty")}
      </p>
    );
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-background">
      {conversations.map((conversation) => (
        <li key={conversation.id}>
          <Link
            href={`/dashboard/inbox/${conversation.id}`}
            data-testid="conversation-row"
            data-number={conversation.contactNumber ?? ""}
            className="flex gap-3 px-3 py-3 hover:bg-muted/50"
          >
            <div className="min-w-0 flex-1 space-y-1">
              <div className="flex items-baseline justify-between gap-2">
                <p
                  className={cn(
                    "truncate text-sm",
                    conversation.unreadCount > 0 ? "font-bold" : "font-medium",
                  )}
                >
                  {conversation.contactName}
                </p>
                <time
                  className="shrink-0 text-xs text-muted-foreground"
                  dateTime={conversation.lastMessageAt ?? undefined}
                >
                  {when(conversation.lastMessageAt, locale)}
                </time>
              </div>
              <p className="truncate text-sm text-muted-foreground">
                {conversation.lastMessagePreview ?? ""}
              </p>
              <div className="flex flex-wrap items-center gap-1.5 text-xs">
                <Badge
                  variant={conversation.mode === "human" ? "warning" : "secondary"}
                  data-testid="conversation-mode"
                >
                  {t(`inbox.mode.${conversation.mode}`)}
                </Badge>
                <span className="text-muted-foreground">
                  {conversation.assignee?.name ?? t("inbox.unassigned")}
                </span>
              </div>
            </div>
            {conversation.unreadCount > 0 ? (
              <span
                data-testid="unread"
                role="status"
                aria-label={t("inbox.unread", { n: conversation.unreadCount })}
                className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-emerald-600 text-xs font-bold text-white"
              >
                {conversation.unreadCount}
              </span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
