// The WhatsApp Cloud API webhook body, parsed with zod into a flat list of messages, statuses and errors per phone number.

import { z } from "zod";
import { issueLines } from "@/lib/core/errors";

// Unix seconds: a string on the wire; a number is accepted too so a reformatted payload is not lost.
const UnixSeconds = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);
// Meta sends error codes as numbers; some relays (and older payloads) send numeric strings.
const ErrorCode = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** An error as Meta reports it in webhooks: value.errors[], messages[].errors[] and statuses[].errors[]. */
export const WebhookError = z.looseObject({
  code: ErrorCode,
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type WebhookError = z.infer<typeof WebhookError>;

/** Present when the buyer replied to (or forwarded) a message. */
export const MessageContext = z.looseObject({
  from: z.string().optional(),
  id: z.string().optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
});
export type MessageContext = z.infer<typeof MessageContext>;

/** Present when the conversation started from a click-to-WhatsApp ad or post. */
export const Referral = z.looseObject({
  source_url: z.string().optional(),
  source_id: z.string().optional(),
  source_type: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
  media_type: z.string().optional(),
  image_url: z.string().optional(),
  video_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  ctwa_clid: z.string().optional(),
});
export type Referral = z.infer<typeof Referral>;

// Extras that must never cost us the message itself: a malformed one becomes undefined instead of failing the parse.
const messageBase = {
  id: z.string().min(1),
  // Phone number of the sender; Meta omits it for users who hide their number behind a username (then from_user_id).
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: UnixSeconds,
  context: MessageContext.optional().catch(undefined),
  referral: Referral.optional().catch(undefined),
  errors: z.array(WebhookError).optional().catch(undefined),
};

const MediaObject = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  // Base64 in webhooks (hex in the media endpoint's answer); GraphClient.downloadMedia accepts either.
  sha256: z.string().optional(),
  caption: z.string().optional(),
});

export const TextMessage = z.looseObject({
  ...messageBase,
  type: z.literal("text"),
  text: z.looseObject({ body: z.string() }),
});
export const ImageMessage = z.looseObject({ ...messageBase, type: z.literal("image"), image: MediaObject });
export const VideoMessage = z.looseObject({ ...messageBase, type: z.literal("video"), video: MediaObject });
export const StickerMessage = z.looseObject({
  ...messageBase,
  type: z.literal("sticker"),
  sticker: MediaObject.extend({ animated: z.boolean().optional() }),
});
export const DocumentMessage = z.looseObject({
  ...messageBase,
  type: z.literal("document"),
  document: MediaObject.extend({ filename: z.string().optional() }),
});
export const AudioMessage = z.looseObject({
  ...messageBase,
  type: z.literal("audio"),
  audio: z.looseObject({
    id: z.string().min(1),
    mime_type: z.string().optional(),
    sha256: z.string().optional(),
    /** true for a voice note recorded in WhatsApp, false or absent for a forwarded audio file. */
    voice: z.boolean().optional(),
  }),
});
export const LocationMessage = z.looseObject({
  ...messageBase,
  type: z.literal("location"),
  location: z.looseObject({
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
  }),
});

const ButtonReply = z.looseObject({
  type: z.literal("button_reply"),
  button_reply: z.looseObject({ id: z.string(), title: z.string() }),
});
const ListReply = z.looseObject({
  type: z.literal("list_reply"),
  list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }),
});
// A WhatsApp Flow's answer; listed so a showroom using Flows does not see its forms arrive as "unrecognised".
const FlowReply = z.looseObject({
  type: z.literal("nfm_reply"),
  nfm_reply: z.looseObject({
    response_json: z.string().optional(),
    body: z.string().optional(),
    name: z.string().optional(),
  }),
});
export const InteractiveMessage = z.looseObject({
  ...messageBase,
  type: z.literal("interactive"),
  interactive: z.discriminatedUnion("type", [ButtonReply, ListReply, FlowReply]),
});

/** A tap on a template's quick-reply button (interactive replies arrive as "interactive" instead). */
export const ButtonMessage = z.looseObject({
  ...messageBase,
  type: z.literal("button"),
  button: z.looseObject({ text: z.string(), payload: z.string().optional() }),
});
export const ReactionMessage = z.looseObject({
  ...messageBase,
  type: z.literal("reaction"),
  // No emoji means the buyer removed an earlier reaction.
  reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }),
});

const SharedContact = z.looseObject({
  name: z
    .looseObject({ formatted_name: z.string().optional(), first_name: z.string().optional() })
    .optional(),
  phones: z
    .array(
      z.looseObject({
        phone: z.string().optional(),
        wa_id: z.string().optional(),
        type: z.string().optional(),
      }),
    )
    .optional(),
});
export const ContactsMessage = z.looseObject({
  ...messageBase,
  type: z.literal("contacts"),
  contacts: z.array(SharedContact),
});

/** A message WhatsApp itself cannot pass on (polls, edits, view-once...); details are in errors[]. "unknown" is the older name. */
export const UnsupportedMessage = z.looseObject({
  ...messageBase,
  type: z.literal(["unsupported", "unknown"]),
  unsupported: z.looseObject({ type: z.string().optional() }).optional(),
});

export const KnownMessage = z.discriminatedUnion("type", [
  TextMessage,
  ImageMessage,
  VideoMessage,
  StickerMessage,
  DocumentMessage,
  AudioMessage,
  LocationMessage,
  InteractiveMessage,
  ButtonMessage,
  ReactionMessage,
  ContactsMessage,
  UnsupportedMessage,
]);
export type KnownMessage = z.infer<typeof KnownMessage>;

/**
 * Any other message with an id: a type Meta added after this code, or a known type whose object is malformed.
 * Its `type` becomes "unrecognised" (the wire value is kept in `wireType`) so a switch on `type` stays exact, while the
 * id still lets the caller dedupe, mark read and open the 24-hour window.
 */
export const UnrecognisedMessage = z
  .looseObject({ ...messageBase, type: z.string() })
  .transform(({ type, ...rest }) => ({ ...rest, type: "unrecognised" as const, wireType: type }));
export type UnrecognisedMessage = z.infer<typeof UnrecognisedMessage>;

export const InboundMessage = z.union([KnownMessage, UnrecognisedMessage]);
export type InboundMessage = z.infer<typeof InboundMessage>;

/** value.contacts[]: who sent the messages. Newer payloads add user_id (business-scoped) and may omit wa_id. */
export const WebhookContact = z.looseObject({
  profile: z.looseObject({ name: z.string().optional() }).optional(),
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
});
export type WebhookContact = z.infer<typeof WebhookContact>;

export const KNOWN_STATUSES = ["sent", "delivered", "read", "failed"] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

/** value.statuses[]: what happened to a message we sent. `status` stays a string: Meta adds values ("deleted", "warning"...). */
export const MessageStatus = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: UnixSeconds,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  conversation: z
    .looseObject({
      id: z.string().optional(),
      expiration_timestamp: UnixSeconds.optional(),
      origin: z.looseObject({ type: z.string().optional() }).optional(),
    })
    .optional()
    .catch(undefined),
  pricing: z
    .looseObject({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      category: z.string().optional(),
      type: z.string().optional(),
    })
    .optional()
    .catch(undefined),
  errors: z.array(WebhookError).optional(),
  biz_opaque_callback_data: z.string().optional(),
});
export type MessageStatus = z.infer<typeof MessageStatus>;

export function isKnownStatus(status: string): status is KnownStatus {
  return KNOWN_STATUSES.some((known) => known === status);
}

const ChangeMetadata = z.looseObject({
  display_phone_number: z.string().optional(),
  phone_number_id: z.string().min(1),
});

// Arrays are parsed element by element later, so one odd message cannot hide the others in the same POST.
export const MessagesChangeValue = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: ChangeMetadata,
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

const Change = z.looseObject({ field: z.string(), value: z.unknown() });
const Entry = z.looseObject({ id: z.string().optional(), changes: z.array(Change) });

/** The outer shape of every POST to the webhook. */
export const WebhookEnvelope = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(Entry),
});

export interface ContactInfo {
  waId?: string;
  userId?: string;
  name?: string;
}

interface ItemOrigin {
  /** entry.id: the WhatsApp Business Account the change belongs to. */
  wabaId?: string;
  phoneNumberId: string;
  displayPhoneNumber?: string;
}

export type WebhookItem =
  | (ItemOrigin & { kind: "message"; contact?: ContactInfo; message: InboundMessage })
  | (ItemOrigin & { kind: "status"; status: MessageStatus })
  | (ItemOrigin & { kind: "error"; error: WebhookError })
  /** A change for another webhook field (template updates, account alerts...): nothing for the conversation engine. */
  | { kind: "ignored"; wabaId?: string; field: string }
  /** Part of the body that could not be read; kept so it can be logged, never silently dropped. */
  | { kind: "invalid"; wabaId?: string; phoneNumberId: string | null; reason: string; raw: unknown };

/** Thrown when the body is not a WhatsApp webhook at all (wrong object, no entry array). */
export class InvalidWebhookBody extends Error {
  constructor(public readonly issues: string[]) {
    super(`Not a WhatsApp webhook body: ${issues.join("; ")}`);
    this.name = "InvalidWebhookBody";
  }
}

/**
 * Every message, status and error in every change of every entry, in order. One POST can carry several entries and
 * changes for several phone numbers; each item names the phone_number_id it belongs to, which is how it is routed.
 */
export function parseWebhookBody(json: unknown): WebhookItem[] {
  const envelope = WebhookEnvelope.safeParse(json);
  if (!envelope.success) throw new InvalidWebhookBody(describeIssues(envelope.error));
  return envelope.data.entry.flatMap((entry) =>
    entry.changes.flatMap((change) => itemsFromChange(entry.id, change)),
  );
}

function itemsFromChange(wabaId: string | undefined, change: z.infer<typeof Change>): WebhookItem[] {
  if (change.field !== "messages") return [{ kind: "ignored", wabaId, field: change.field }];
  const value = MessagesChangeValue.safeParse(change.value);
  if (!value.success) {
    return [
      {
        kind: "invalid",
        wabaId,
        phoneNumberId: null,
        reason: describeIssues(value.error).join("; "),
        raw: change.value,
      },
    ];
  }
  const origin: ItemOrigin = {
    wabaId,
    phoneNumberId: value.data.metadata.phone_number_id,
    displayPhoneNumber: value.data.metadata.display_phone_number,
  };
  const contacts = parseContacts(value.data.contacts ?? []);
  return [
    ...(value.data.messages ?? []).map((raw) => messageItem(origin, contacts, raw)),
    ...(value.data.statuses ?? []).map((raw) => statusItem(origin, raw)),
    ...(value.data.errors ?? []).map((raw) => errorItem(origin, raw)),
  ];
}

function messageItem(origin: ItemOrigin, contacts: ContactInfo[], raw: unknown): WebhookItem {
  const parsed = InboundMessage.safeParse(raw);
  if (!parsed.success) return invalidItem(origin, parsed.error, raw);
  const contact = findContact(contacts, parsed.data);
  return contact === undefined
    ? { ...origin, kind: "message", message: parsed.data }
    : { ...origin, kind: "message", contact, message: parsed.data };
}

function statusItem(origin: ItemOrigin, raw: unknown): WebhookItem {
  const parsed = MessageStatus.safeParse(raw);
  return parsed.success
    ? { ...origin, kind: "status", status: parsed.data }
    : invalidItem(origin, parsed.error, raw);
}

function errorItem(origin: ItemOrigin, raw: unknown): WebhookItem {
  const parsed = WebhookError.safeParse(raw);
  return parsed.success
    ? { ...origin, kind: "error", error: parsed.data }
    : invalidItem(origin, parsed.error, raw);
}

function invalidItem(origin: ItemOrigin, error: z.ZodError, raw: unknown): WebhookItem {
  return {
    kind: "invalid",
    wabaId: origin.wabaId,
    phoneNumberId: origin.phoneNumberId,
    reason: describeIssues(error).join("; "),
    raw,
  };
}

function parseContacts(raw: unknown[]): ContactInfo[] {
  const contacts: ContactInfo[] = [];
  for (const candidate of raw) {
    const parsed = WebhookContact.safeParse(candidate);
    if (parsed.success) contacts.push(toContactInfo(parsed.data));
  }
  return contacts;
}

function toContactInfo(contact: WebhookContact): ContactInfo {
  const info: ContactInfo = {};
  if (contact.wa_id !== undefined) info.waId = contact.wa_id;
  if (contact.user_id !== undefined) info.userId = contact.user_id;
  if (contact.profile?.name !== undefined) info.name = contact.profile.name;
  return info;
}

// Contacts and messages are parallel arrays without an explicit link: match on the sender's ids, and fall back to a
// lone contact only when nothing contradicts it.
function findContact(contacts: ContactInfo[], message: InboundMessage): ContactInfo | undefined {
  const matched = contacts.find(
    (contact) =>
      (contact.waId !== undefined && contact.waId === message.from) ||
      (contact.userId !== undefined && contact.userId === message.from_user_id),
  );
  if (matched !== undefined) return matched;
  const [only] = contacts;
  if (contacts.length !== 1 || only === undefined) return undefined;
  const contradicts =
    (only.waId !== undefined && message.from !== undefined) ||
    (only.userId !== undefined && message.from_user_id !== undefined);
  return contradicts ? undefined : only;
}

function describeIssues(error: z.ZodError): string[] {
  return issueLines(error);
}

/**
 * What a person reading the chat would see, as one line of text: the body, caption or tapped button title, and a
 * bracketed Indonesian label ("[gambar]", "[lokasi] ...") for what is not text.
 */
export function messageText(message: InboundMessage): string {
  switch (message.type) {
    case "text":
      return message.text.body;
    case "image":
      return captionOr(message.image.caption, "[gambar]");
    case "video":
      return captionOr(message.video.caption, "[video]");
    case "sticker":
      return "[stiker]";
    case "document":
      return captionOr(message.document.caption, labelled("[dokumen]", message.document.filename));
    case "audio":
      return message.audio.voice === true ? "[pesan suara]" : "[audio]";
    case "location":
      return locationText(message.location);
    case "interactive":
      return interactiveText(message.interactive);
    case "button":
      return message.button.text;
    case "reaction":
      return message.reaction.emoji ? `[reaksi] ${message.reaction.emoji}` : "[reaksi dihapus]";
    case "contacts":
      return labelled("[kontak]", message.contacts.map(sharedContactText).filter(isNonEmpty).join("; "));
    case "unsupported":
    case "unknown":
      return "[pesan tidak didukung]";
    case "unrecognised":
      return `[${message.wireType}]`;
  }
}

function captionOr(caption: string | undefined, fallback: string): string {
  return caption !== undefined && caption.trim() !== "" ? caption : fallback;
}

function labelled(label: string, detail: string | undefined): string {
  return detail !== undefined && detail.trim() !== "" ? `${label} ${detail}` : label;
}

function locationText(location: z.infer<typeof LocationMessage>["location"]): string {
  const place = [location.name, location.address].filter(isNonEmpty).join(", ");
  return labelled("[lokasi]", place !== "" ? place : `${location.latitude}, ${location.longitude}`);
}

function interactiveText(interactive: z.infer<typeof InteractiveMessage>["interactive"]): string {
  switch (interactive.type) {
    case "button_reply":
      return interactive.button_reply.title;
    case "list_reply":
      return interactive.list_reply.title;
    case "nfm_reply":
      return captionOr(interactive.nfm_reply.body, "[formulir]");
  }
}

function sharedContactText(contact: z.infer<typeof SharedContact>): string {
  const name = contact.name?.formatted_name ?? contact.name?.first_name;
  const phone = contact.phones?.find((entry) => entry.phone !== undefined)?.phone;
  if (name !== undefined && phone !== undefined) return `${name} (${phone})`;
  return name ?? phone ?? "";
}

function isNonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}
