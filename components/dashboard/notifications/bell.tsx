"use client";
// The bell in the dashboard header: the unread count, kept current without reloading by polling a
// small JSON route every 20 s (and at once when the tab comes back or a page marks something
// read), and a toast (sonner) for each notification that arrives while the page is open.
import { Bell } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Toaster, toast } from "sonner";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { BellState } from "@/lib/notifications/center";

export const POLL_MS = 20_000;
/** Dispatched on window by anything that changed the read state, so the count follows at once. */
export const NOTIFICATIONS_CHANGED = "autolumiku:notifications-changed";

async function fetchBell(): Promise<BellState | null> {
  try {
    const response = await fetch("/api/dashboard/notifications", { cache: "no-store" });
    return response.ok ? ((await response.json()) as BellState) : null;
  } catch {
    // Offline for a moment: the next poll tries again.
    return null;
  }
}

export function NotificationBell({ locale }: { locale: Locale }) {
  const t = useMemo(() => translator(locale), [locale]);
  const router = useRouter();
  const [unread, setUnread] = useState<number | null>(null);
  // Ids seen so far; null until the first answer, whose notifications are old news (no toast).
  const seen = useRef<Set<string> | null>(null);

  const refresh = useCallback(async () => {
    const state = await fetchBell();
    if (!state) return;
    setUnread(state.unread);
    const known = seen.current;
    seen.current = new Set([...(known ?? []), ...state.latest.map((item) => item.id)]);
    if (!known) return;
    for (const item of [...state.latest].reverse()) {
      if (known.has(item.id)) continue;
      const link = item.link;
      toast(item.title, {
        id: item.id,
        description: item.body ?? undefined,
        action: link ? { label: t("notifications.toastOpen"), onClick: () => router.push(link) } : undefined,
      });
    }
  }, [router, t]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && void refresh();
    const onChanged = () => void refresh();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener(NOTIFICATIONS_CHANGED, onChanged);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener(NOTIFICATIONS_CHANGED, onChanged);
    };
  }, [refresh]);

  const count = unread ?? 0;
  return (
    <>
      <Link
        href="/dashboard/notifications"
        data-testid="notification-bell"
        data-loaded={unread !== null}
        aria-label={count > 0 ? t("notifications.bellUnread", { count }) : t("notifications.bell")}
        className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <Bell className="size-5" aria-hidden="true" />
        <span
          data-testid="notification-count"
          data-count={count}
          hidden={count === 0}
          className="absolute right-1 top-1 min-w-5 rounded-full bg-destructive px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      </Link>
      <Toaster position="top-center" closeButton />
    </>
  );
}
