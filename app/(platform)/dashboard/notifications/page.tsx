// /dashboard/notifications: the signed-in person's notifications, newest first, filtered by read
// state and type (in the URL), with mark read and mark all read. Everyone with a dashboard.
import Link from "next/link";
import { NotificationList } from "@/components/dashboard/notifications/notification-list";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { staffPage } from "@/lib/actions/pages";
import { formatDate } from "@/lib/analytics/format";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/core/i18n/server";
import { listNotifications, NotificationListQuery } from "@/lib/notifications/center";
import { typesFor } from "@/lib/notifications/types";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, t } = await getTranslator();
  const params = await searchParams;
  const query = NotificationListQuery.parse({
    filter: first(params.filter),
    type: first(params.type) || undefined,
    after: first(params.after),
  });
  const { user, data: page } = await staffPage("dashboard.view", ({ tx, user }) =>
    listNotifications(tx, user, query),
  );
  const olderHref = () => {
    const next = new URLSearchParams();
    if (query.filter !== "all") next.set("filter", query.filter);
    if (query.type) next.set("type", query.type);
    if (page.next) next.set("after", page.next);
    return `/dashboard/notifications?${next.toString()}`;
  };
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">{t("notifications.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("notifications.intro")}</p>
          <p className="text-sm font-medium" data-testid="notifications-unread">
            {t("notifications.unreadCount", { count: page.unread })}
          </p>
        </div>
        <Link
          href="/dashboard/notifications/settings"
          className="inline-flex min-h-11 items-center text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          {t("notifications.settingsLink")}
        </Link>
      </div>

      <form
        method="get"
        className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap"
        aria-label={t("notifications.filter.type")}
      >
        <NativeSelect
          name="filter"
          defaultValue={query.filter}
          aria-label={t("notifications.filter.unread")}
          className="sm:w-44"
        >
          <option value="all">{t("notifications.filter.all")}</option>
          <option value="unread">{t("notifications.filter.unread")}</option>
        </NativeSelect>
        <NativeSelect
          name="type"
          defaultValue={query.type ?? ""}
          aria-label={t("notifications.filter.type")}
          className="sm:w-72"
        >
          <option value="">{t("notifications.filter.anyType")}</option>
          {typesFor(can(user.role, "leads.read.all")).map((type) => (
            <option key={type} value={type}>
              {t(`notifications.type.${type}`)}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" variant="outline" className="col-span-2 sm:col-span-1">
          {t("notifications.filter.apply")}
        </Button>
      </form>

      <NotificationList
        locale={locale}
        canMarkAll={page.unread > 0}
        items={page.items.map((item) => ({
          ...item,
          when: formatDate(new Date(item.createdAt), locale, true),
          typeLabel: item.type ? t(`notifications.type.${item.type}`) : null,
        }))}
      />
      {page.next ? (
        <Link
          href={olderHref()}
          className="inline-flex min-h-11 items-center text-sm font-medium text-primary"
        >
          {t("notifications.older")}
        </Link>
      ) : null}
    </div>
  );
}
