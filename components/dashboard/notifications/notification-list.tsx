"use client";
// The notification centre's list: open one (marks it read, then goes to its page), mark one read,
// mark all read. The server re-checks that each notification is the person's own.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import {
  markAllNotificationsReadAction,
  markNotificationsReadAction,
} from "@/app/(platform)/dashboard/notifications/actions";
import { NOTIFICATIONS_CHANGED } from "@/components/dashboard/notifications/bell";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/use-toast";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { NotificationItem } from "@/lib/notifications/center";
import { cn } from "@/lib/utils";

export interface NotificationRow extends NotificationItem {
  when: string;
  typeLabel: string | null;
}

export function NotificationList({
  locale,
  items,
  canMarkAll,
}: {
  locale: Locale;
  items: NotificationRow[];
  canMarkAll: boolean;
}) {
  const t = translator(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const changed = () => {
    window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
    router.refresh();
  };

  const markRead = (ids: string[], then?: () => void) =>
    startTransition(async () => {
      const result = await markNotificationsReadAction({ ids });
      if (!result.ok) {
        toast({ title: result.message, variant: "destructive" });
        return;
      }
      changed();
      then?.();
    });

  const markAll = () =>
    startTransition(async () => {
      const result = await markAllNotificationsReadAction({});
      if (!result.ok) {
        toast({ title: result.message, variant: "destructive" });
        return;
      }
      toast({ title: t("notifications.markedAll") });
      changed();
    });

  return (
    <div className="space-y-3">
      <div className="flex justify-end">
        <Button variant="outline" onClick={markAll} disabled={pending || !canMarkAll}>
          {t("notifications.markAllRead")}
        </Button>
      </div>
      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-border p-6 text-center text-sm text-muted-foreground">
          {t("notifications.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-border rounded-md border border-border bg-background">
          {items.map((item) => (
            <li
              key={item.id}
              data-testid="notification"
              data-read={item.read ? "true" : "false"}
              className={cn(
                "flex flex-col gap-2 p-3 sm:flex-row sm:items-start",
                !item.read && "bg-primary/5",
              )}
            >
              <div className="min-w-0 flex-1 space-y-1">
                <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  {item.read ? null : <Badge>{t("notifications.unread")}</Badge>}
                  {item.typeLabel ? <span>{item.typeLabel}</span> : null}
                  <time dateTime={item.createdAt}>{item.when}</time>
                </div>
                <p className={cn("break-words text-sm", !item.read && "font-semibold")}>{item.title}</p>
                {item.body ? <p className="break-words text-sm text-muted-foreground">{item.body}</p> : null}
              </div>
              <div className="flex shrink-0 gap-2">
                {item.link ? (
                  <Button
                    size="sm"
                    disabled={pending}
                    onClick={() => {
                      const link = item.link ?? "/dashboard";
                      if (item.read) router.push(link);
                      else markRead([item.id], () => router.push(link));
                    }}
                  >
                    {t("notifications.open")}
                  </Button>
                ) : null}
                {item.read ? null : (
                  <Button size="sm" variant="outline" disabled={pending} onClick={() => markRead([item.id])}>
                    {t("notifications.markRead")}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
