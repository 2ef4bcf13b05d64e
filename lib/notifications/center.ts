// The dashboard's notification centre: what a staff member sees (their own notifications, and for
// owners and admins the ones addressed to the showroom's managers), filtered by the types they
// chose to see in the dashboard; the unread count the bell polls; marking read. Every function
// runs in the caller's tenant transaction (row-level security keeps other showrooms out) and
// scopes to the signed-in person itself, so nobody reads or marks a colleague's notifications.
import "server-only";
import { z } from "zod";
import type { StaffUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  kindsOf,
  NotificationPreferences,
  type NotificationType,
  NotificationTypeId,
  TYPE_IDS,
  typeOfKind,
  wants,
} from "@/lib/notifications/types";

type Viewer = Pick<StaffUser, "id" | "role">;

/** Owners and admins also see what is addressed to the managers (user_id null). */
const isManager = (viewer: Viewer) => can(viewer.role, "leads.read.all");

function addressedTo(viewer: Viewer): Prisma.NotificationWhereInput {
  return isManager(viewer) ? { OR: [{ userId: viewer.id }, { userId: null }] } : { userId: viewer.id };
}

function unreadBy(viewer: Viewer): Prisma.NotificationWhereInput {
  return isManager(viewer)
    ? {
        OR: [
          { userId: viewer.id, readAt: null },
          { userId: null, NOT: { readBy: { has: viewer.id } } },
        ],
      }
    : { userId: viewer.id, readAt: null };
}

/** Kinds of the types this person switched off for the dashboard. */
async function hiddenKinds(tx: Tx, viewer: Viewer): Promise<string[]> {
  const row = await tx.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { notificationPreferences: true },
  });
  const preferences = NotificationPreferences.parse(row.notificationPreferences);
  return TYPE_IDS.filter((type) => !wants(preferences, type, "dashboard")).flatMap((type) => [
    ...kindsOf(type),
  ]);
}

async function visibleWhere(tx: Tx, viewer: Viewer): Promise<Prisma.NotificationWhereInput> {
  const hidden = await hiddenKinds(tx, viewer);
  return { AND: [addressedTo(viewer), hidden.length ? { kind: { notIn: hidden } } : {}] };
}

/** Plain JSON for pages, client components and the polling route. */
export interface NotificationItem {
  id: string;
  type: NotificationType | null;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  read: boolean;
}

const ITEM_SELECT = {
  id: true,
  userId: true,
  kind: true,
  title: true,
  body: true,
  link: true,
  readAt: true,
  readBy: true,
  createdAt: true,
} satisfies Prisma.NotificationSelect;

type ItemRow = Prisma.NotificationGetPayload<{ select: typeof ITEM_SELECT }>;

function toItem(row: ItemRow, viewer: Viewer): NotificationItem {
  return {
    id: row.id,
    type: typeOfKind(row.kind),
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    read: row.userId === null ? row.readBy.includes(viewer.id) : row.readAt !== null,
  };
}

export interface BellState {
  unread: number;
  /** The newest unread ones, for the toast of something that just arrived. */
  latest: NotificationItem[];
}

export async function readBell(tx: Tx, viewer: Viewer): Promise<BellState> {
  const where = { AND: [await visibleWhere(tx, viewer), unreadBy(viewer)] };
  const [unread, latest] = [
    await tx.notification.count({ where }),
    await tx.notification.findMany({
      where,
      select: ITEM_SELECT,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
    }),
  ];
  return { unread, latest: latest.map((row) => toItem(row, viewer)) };
}

export const PAGE_SIZE = 30;

export const NotificationListQuery = z.object({
  filter: z.enum(["all", "unread"]).catch("all"),
  type: NotificationTypeId.optional().catch(undefined),
  /** The last item of the previous page. */
  after: z.uuid().optional().catch(undefined),
});
export type NotificationListQuery = z.output<typeof NotificationListQuery>;

export interface NotificationPage {
  items: NotificationItem[];
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
  unread: number;
}

export async function listNotifications(
  tx: Tx,
  viewer: Viewer,
  query: NotificationListQuery,
): Promise<NotificationPage> {
  const visible = await visibleWhere(tx, viewer);
  const where: Prisma.NotificationWhereInput = {
    AND: [
      visible,
      query.filter === "unread" ? unreadBy(viewer) : {},
      query.type ? { kind: { in: [...kindsOf(query.type)] } } : {},
    ],
  };
  const rows = await tx.notification.findMany({
    where,
    select: ITEM_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    ...(query.after ? { cursor: { id: query.after }, skip: 1 } : {}),
  });
  const unread = await tx.notification.count({ where: { AND: [visible, unreadBy(viewer)] } });
  const page = rows.slice(0, PAGE_SIZE);
  return {
    items: page.map((row) => toItem(row, viewer)),
    next: rows.length > PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
    unread,
  };
}

export const MarkReadInput = z.object({ ids: z.array(z.uuid()).min(1).max(200) });

/**
 * Marks the signed-in person's own notifications read, and the managers' ones for them alone.
 * Ids of anyone else's (a colleague's, another showroom's) change nothing. Returns how many changed.
 */
export async function markNotificationsRead(
  context: StaffContext,
  input: z.output<typeof MarkReadInput> | { all: true },
): Promise<{ marked: number }> {
  const { tx, user } = context;
  const ids = "ids" in input ? input.ids : null;
  const own = await tx.notification.updateMany({
    where: { userId: user.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  let shared = 0;
  if (isManager(user)) {
    const sharedWhere: Prisma.NotificationWhereInput = {
      userId: null,
      NOT: { readBy: { has: user.id } },
      ...(ids ? { id: { in: ids } } : {}),
    };
    const unreadShared = await tx.notification.findMany({ where: sharedWhere, select: { id: true } });
    // array_append in one statement: two managers marking at once both stay recorded.
    if (unreadShared.length)
      shared = await tx.$executeRaw`
        UPDATE notifications SET read_by = array_append(coalesce(read_by, '{}'), ${user.id}::uuid)
        WHERE id = ANY(${unreadShared.map((row) => row.id)}::uuid[]) AND user_id IS NULL
          AND NOT (${user.id}::uuid = ANY(coalesce(read_by, '{}')))`;
  }
  return { marked: own.count + shared };
}
