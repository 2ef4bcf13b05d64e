// What staff can be told and how: the notification types a person chooses channels for, the kinds
// of stored notification rows each type covers, who receives each type, and the default channels.
// Plain data (no database), shared by the server and the dashboard's client components.
import { z } from "zod";

/**
 * Every channel a notification can go out on. `available: false` is shown in the preferences as
 * "coming"; a new channel is one entry here plus its delivery in lib/services/notifications.
 */
export const CHANNELS = [
  { id: "dashboard", available: true },
  { id: "whatsapp", available: true },
  { id: "email", available: false },
] as const;
export type Channel = (typeof CHANNELS)[number]["id"];
export const ChannelId = z.enum(["dashboard", "whatsapp", "email"]);

/** Who a type is for: everybody with a dashboard, or only the showroom's managers (owners and admins). */
type Audience = "staff" | "managers";

interface TypeSpec {
  /** Stored notification kinds (notifications.kind) this type covers. */
  kinds: readonly string[];
  audience: Audience;
  defaults: readonly Channel[];
  /** Channels that make no sense for this type (a WhatsApp alert that WhatsApp is down). */
  unavailable?: readonly Channel[];
}

export const NOTIFICATION_TYPES = {
  "lead.new": { kinds: ["lead.new"], audience: "managers", defaults: ["dashboard"] },
  assigned: {
    kinds: ["lead.assigned", "conversation.assigned"],
    audience: "staff",
    defaults: ["dashboard", "whatsapp"],
  },
  "buyer.waiting": {
    kinds: ["conversation.handoff"],
    audience: "staff",
    defaults: ["dashboard", "whatsapp"],
  },
  "visit.booked": { kinds: ["lead.visit"], audience: "staff", defaults: ["dashboard", "whatsapp"] },
  "follow_up.due": {
    kinds: ["lead.follow_up"],
    audience: "staff",
    defaults: ["dashboard", "whatsapp"],
  },
  "ai.budget": { kinds: ["ai.budget"], audience: "managers", defaults: ["dashboard"] },
  "whatsapp.failing": {
    kinds: ["whatsapp.failing"],
    audience: "managers",
    defaults: ["dashboard"],
    unavailable: ["whatsapp"],
  },
} as const satisfies Record<string, TypeSpec>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;
export const TYPE_IDS = Object.keys(NOTIFICATION_TYPES) as NotificationType[];
export const NotificationTypeId = z.enum(TYPE_IDS as [NotificationType, ...NotificationType[]]);

const spec = (type: NotificationType): TypeSpec => NOTIFICATION_TYPES[type];

/** The type a stored kind belongs to; null for a kind no type covers (shown, never filtered). */
export function typeOfKind(kind: string): NotificationType | null {
  return TYPE_IDS.find((type) => spec(type).kinds.includes(kind)) ?? null;
}

export function kindsOf(type: NotificationType): readonly string[] {
  return spec(type).kinds;
}

/** The types a person is offered: managers get every type, other staff the ones about their own work. */
export function typesFor(isManager: boolean): NotificationType[] {
  return TYPE_IDS.filter((type) => isManager || spec(type).audience === "staff");
}

export function isChannelOffered(type: NotificationType, channel: Channel): boolean {
  const offered = CHANNELS.find((entry) => entry.id === channel)?.available ?? false;
  return offered && !(spec(type).unavailable ?? []).some((entry) => entry === channel);
}

/** Stored preferences: channels per type; an absent type has its defaults. Bad entries are dropped. */
export const NotificationPreferences = z
  .record(z.string(), z.array(z.string()))
  .catch({})
  .transform((stored) => {
    const clean: Partial<Record<NotificationType, Channel[]>> = {};
    for (const type of TYPE_IDS) {
      const channels = stored[type];
      if (channels) clean[type] = channels.flatMap((channel) => ChannelId.safeParse(channel).data ?? []);
    }
    return clean;
  });
export type NotificationPreferences = z.output<typeof NotificationPreferences>;

/** The channels a person gets a type on: their choice, else the defaults, never an unavailable one. */
export function channelsFor(preferences: NotificationPreferences, type: NotificationType): Channel[] {
  const chosen = preferences[type] ?? spec(type).defaults;
  return chosen.filter((channel) => isChannelOffered(type, channel));
}

export function wants(
  preferences: NotificationPreferences,
  type: NotificationType,
  channel: Channel,
): boolean {
  return channelsFor(preferences, type).includes(channel);
}
