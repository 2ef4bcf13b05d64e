"use client";
// Polls a thread's changes every 3 s (new messages since the cursor, current ticks) and merges them
// into what is on screen; shared by the inbox thread and the simulator.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConversationSummary, ThreadChanges, ThreadMessage } from "@/lib/whatsapp/inbox";

export const POLL_MS = 3000;

/** A fresh id per message draft. crypto.randomUUID needs a secure context; a LAN http address is not one. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}

export interface ThreadState {
  conversation: ConversationSummary | null;
  messages: ThreadMessage[];
}

function merge(current: ThreadMessage[], changes: ThreadChanges): ThreadMessage[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of changes.messages) byId.set(message.id, message);
  for (const status of changes.statuses) {
    const known = byId.get(status.id);
    if (known && (known.status !== status.status || known.errorTitle !== status.errorTitle))
      byId.set(status.id, { ...known, status: status.status, errorTitle: status.errorTitle });
  }
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at));
}

/** `key` names the thread: a conversation id, or a WhatsApp number (the simulator). */
export function useThread(options: {
  conversationId?: string;
  waId?: string;
  initial?: ThreadState & { cursor: string | null };
}) {
  const [state, setState] = useState<ThreadState>({
    conversation: options.initial?.conversation ?? null,
    messages: options.initial?.messages ?? [],
  });
  const cursor = useRef<string | null>(options.initial?.cursor ?? null);
  const query = options.conversationId
    ? `conversationId=${options.conversationId}`
    : options.waId
      ? `waId=${options.waId}`
      : null;

  const refresh = useCallback(async () => {
    if (!query) return;
    const response = await fetch(
      `/api/dashboard/inbox/thread?${query}${cursor.current ? `&after=${encodeURIComponent(cursor.current)}` : ""}`,
      { cache: "no-store" },
    );
    if (!response.ok) return;
    const changes = (await response.json()) as ThreadChanges;
    cursor.current = changes.cursor;
    setState((current) => ({
      conversation: changes.conversation ?? current.conversation,
      messages: merge(current.messages, changes),
    }));
  }, [query]);

  useEffect(() => {
    // A new number in the simulator is a different thread: start from nothing.
    if (!options.initial) {
      cursor.current = null;
      setState({ conversation: null, messages: [] });
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        await refresh();
      } catch {
        // Offline for a moment: the next tick tries again.
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, options.initial ? POLL_MS : 0);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the initial state belongs to the first render only
  }, [refresh, options.initial]);

  return { ...state, refresh };
}
