import { describe, expect, it } from "vitest";
import {
  type InboundMessage,
  InvalidWebhookBody,
  isKnownStatus,
  messageText,
  parseWebhookBody,
  type WebhookItem,
} from "@/lib/whatsapp/webhook-schema";

const SHOWROOM_A = "106540352242922";
const SHOWROOM_B = "208811223344556";
const BUYER = "6281234567890";

function change(phoneNumberId: string, value: Record<string, unknown>, field = "messages") {
  return {
    field,
    value: {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: `62${phoneNumberId.slice(0, 9)}`, phone_number_id: phoneNumberId },
      ...value,
    },
  };
}

function body(...entries: { id: string; changes: unknown[] }[]) {
  return { object: "whatsapp_business_account", entry: entries };
}

function inbound(message: Record<string, unknown>, id = "wamid.IN1") {
  return { from: BUYER, id, timestamp: "1749416383", ...message };
}

function singleMessage(message: Record<string, unknown>): InboundMessage {
  const items = parseWebhookBody(
    body({
      id: "WABA1",
      changes: [
        change(SHOWROOM_A, {
          contacts: [{ profile: { name: "Budi" }, wa_id: BUYER }],
          messages: [inbound(message)],
        }),
      ],
    }),
  );
  const [item] = items;
  if (items.length !== 1 || item?.kind !== "message")
    throw new Error(`expected one message item, got ${JSON.stringify(items)}`);
  return item.message;
}

function kinds(items: WebhookItem[]): string[] {
  return items.map((item) => item.kind);
}

describe("webhook body parsing", () => {
  it("reads a text message with its sender and the number it was sent to", () => {
    const items = parseWebhookBody(
      body({
        id: "WABA1",
        changes: [
          change(SHOWROOM_A, {
            contacts: [{ profile: { name: "Budi Santoso" }, wa_id: BUYER }],
            messages: [inbound({ type: "text", text: { body: "Avanza 2019 masih ada?" } })],
          }),
        ],
      }),
    );
    expect(items).toEqual([
      {
        kind: "message",
        wabaId: "WABA1",
        phoneNumberId: SHOWROOM_A,
        displayPhoneNumber: `62${SHOWROOM_A.slice(0, 9)}`,
        contact: { waId: BUYER, name: "Budi Santoso" },
        message: {
          from: BUYER,
          id: "wamid.IN1",
          timestamp: "1749416383",
          type: "text",
          text: { body: "Avanza 2019 masih ada?" },
        },
      },
    ]);
  });

  it("returns every entry, every change and every message and status, not only the first", () => {
    const items = parseWebhookBody(
      body(
        {
          id: "WABA1",
          changes: [
            change(SHOWROOM_A, {
              messages: [
                inbound({ type: "text", text: { body: "satu" } }, "wamid.A1"),
                inbound({ type: "text", text: { body: "dua" } }, "wamid.A2"),
              ],
            }),
            change(SHOWROOM_B, {
              statuses: [
                { id: "wamid.OUT1", status: "delivered", timestamp: "1749416400", recipient_id: BUYER },
                { id: "wamid.OUT2", status: "read", timestamp: "1749416401", recipient_id: BUYER },
              ],
            }),
          ],
        },
        {
          id: "WABA2",
          changes: [
            change(SHOWROOM_B, { messages: [inbound({ type: "text", text: { body: "tiga" } }, "wamid.B1")] }),
          ],
        },
      ),
    );
    expect(kinds(items)).toEqual(["message", "message", "status", "status", "message"]);
    expect(items.map((item) => (item.kind === "ignored" ? null : item.phoneNumberId))).toEqual([
      SHOWROOM_A,
      SHOWROOM_A,
      SHOWROOM_B,
      SHOWROOM_B,
      SHOWROOM_B,
    ]);
    expect(
      items.map((item) =>
        item.kind === "message" ? item.message.id : item.kind === "status" ? item.status.id : null,
      ),
    ).toEqual(["wamid.A1", "wamid.A2", "wamid.OUT1", "wamid.OUT2", "wamid.B1"]);
    expect(items.at(-1)).toMatchObject({ wabaId: "WABA2" });
  });

  it("skips changes for other webhook fields", () => {
    const items = parseWebhookBody(
      body({
        id: "WABA1",
        changes: [
          {
            field: "message_template_status_update",
            value: { event: "APPROVED", message_template_name: "promo" },
          },
          change(SHOWROOM_A, { messages: [inbound({ type: "text", text: { body: "halo" } })] }),
        ],
      }),
    );
    expect(items[0]).toEqual({ kind: "ignored", wabaId: "WABA1", field: "message_template_status_update" });
    expect(items[1]?.kind).toBe("message");
  });

  it("reads media messages with caption, hash and mime type", () => {
    const image = singleMessage({
      type: "image",
      image: { id: "MEDIA1", mime_type: "image/jpeg", sha256: "ian/5Zy4bPjM4k=", caption: "Yang ini kak" },
    });
    expect(image).toMatchObject({
      type: "image",
      image: { id: "MEDIA1", mime_type: "image/jpeg", sha256: "ian/5Zy4bPjM4k=", caption: "Yang ini kak" },
    });
    expect(
      singleMessage({ type: "video", video: { id: "V1", mime_type: "video/mp4", sha256: "x" } }),
    ).toMatchObject({ type: "video" });
    expect(
      singleMessage({
        type: "sticker",
        sticker: { id: "S1", mime_type: "image/webp", sha256: "x", animated: false },
      }),
    ).toMatchObject({ type: "sticker" });
    expect(
      singleMessage({
        type: "document",
        document: { id: "D1", mime_type: "application/pdf", sha256: "x", filename: "STNK.pdf" },
      }),
    ).toMatchObject({
      type: "document",
      document: { filename: "STNK.pdf" },
    });
    expect(
      singleMessage({
        type: "audio",
        audio: { id: "A1", mime_type: "audio/ogg; codecs=opus", sha256: "x", voice: true },
      }),
    ).toMatchObject({
      type: "audio",
      audio: { voice: true },
    });
  });

  it("reads locations, button and list replies, template buttons, reactions and shared contacts", () => {
    expect(
      singleMessage({
        type: "location",
        location: { latitude: -6.2297, longitude: 106.8295, name: "Showroom Maju", address: "Jl. Sudirman" },
      }),
    ).toMatchObject({
      type: "location",
      location: { latitude: -6.2297 },
    });
    expect(
      singleMessage({
        type: "interactive",
        interactive: { type: "button_reply", button_reply: { id: "test-drive", title: "Test drive" } },
      }),
    ).toMatchObject({
      type: "interactive",
      interactive: { type: "button_reply", button_reply: { id: "test-drive" } },
    });
    expect(
      singleMessage({
        type: "interactive",
        interactive: {
          type: "list_reply",
          list_reply: { id: "veh-42", title: "Avanza 1.5 G 2019", description: "Rp 185 jt" },
        },
      }),
    ).toMatchObject({
      interactive: { type: "list_reply", list_reply: { id: "veh-42", description: "Rp 185 jt" } },
    });
    expect(
      singleMessage({ type: "button", button: { text: "Masih minat", payload: "MINAT" } }),
    ).toMatchObject({ type: "button", button: { payload: "MINAT" } });
    expect(
      singleMessage({ type: "reaction", reaction: { message_id: "wamid.OUT1", emoji: "👍" } }),
    ).toMatchObject({ type: "reaction" });
    expect(
      singleMessage({
        type: "contacts",
        contacts: [
          {
            name: { formatted_name: "Pak Joko", first_name: "Joko" },
            phones: [{ phone: "+62 811 111 222", wa_id: "62811111222", type: "CELL" }],
          },
        ],
      }),
    ).toMatchObject({ type: "contacts" });
  });

  it("keeps reply context and click-to-WhatsApp ad referral", () => {
    const message = singleMessage({
      type: "text",
      text: { body: "Info unit ini kak" },
      context: { from: "628111000111", id: "wamid.OUT9" },
      referral: {
        source_url: "https://fb.me/abc",
        source_id: "ADS1",
        source_type: "ad",
        headline: "Promo Avanza",
        ctwa_clid: "ARA1",
      },
    });
    expect(message.context).toEqual({ from: "628111000111", id: "wamid.OUT9" });
    expect(message.referral).toMatchObject({ source_type: "ad", ctwa_clid: "ARA1" });
  });

  it("reads unsupported messages with their errors", () => {
    const message = singleMessage({
      type: "unsupported",
      errors: [
        {
          code: 131051,
          title: "Message type unknown",
          message: "Message type unknown",
          error_data: { details: "Message type is currently not supported." },
        },
      ],
      unsupported: { type: "poll" },
    });
    expect(message).toMatchObject({
      type: "unsupported",
      errors: [{ code: 131051, error_data: { details: "Message type is currently not supported." } }],
    });
  });

  it("keeps unknown fields and never fails on unknown message types", () => {
    const message = singleMessage({ type: "hologram", hologram: { depth: 3 }, brand_new_field: true });
    expect(message).toMatchObject({
      type: "unrecognised",
      wireType: "hologram",
      id: "wamid.IN1",
      hologram: { depth: 3 },
      brand_new_field: true,
    });
    const text = singleMessage({ type: "text", text: { body: "hai", new_flag: 1 }, something_new: "x" });
    expect(text).toMatchObject({ type: "text", text: { body: "hai", new_flag: 1 }, something_new: "x" });
  });

  it("treats a known type with a malformed object as unrecognised instead of dropping it", () => {
    expect(singleMessage({ type: "text", text: { words: "no body" } })).toMatchObject({
      type: "unrecognised",
      wireType: "text",
      id: "wamid.IN1",
    });
  });

  it("keeps the message when only its context or referral is malformed", () => {
    expect(singleMessage({ type: "text", text: { body: "ok" }, context: "not an object" })).toMatchObject({
      type: "text",
      context: undefined,
    });
  });

  it("reads contacts that carry a business-scoped user id and no phone number", () => {
    const items = parseWebhookBody(
      body({
        id: "WABA1",
        changes: [
          change(SHOWROOM_A, {
            contacts: [{ profile: { name: "Sari" }, user_id: "ID.1234567890123" }],
            messages: [
              {
                from_user_id: "ID.1234567890123",
                id: "wamid.U1",
                timestamp: "1749416383",
                type: "text",
                text: { body: "halo" },
              },
            ],
          }),
        ],
      }),
    );
    const [item] = items;
    if (item?.kind !== "message") throw new Error("expected a message");
    expect(item.contact).toEqual({ userId: "ID.1234567890123", name: "Sari" });
    expect(item.message.from).toBeUndefined();
    expect(item.message.from_user_id).toBe("ID.1234567890123");
  });

  it("matches each message to its own sender when a change has several contacts", () => {
    const items = parseWebhookBody(
      body({
        id: "WABA1",
        changes: [
          change(SHOWROOM_A, {
            contacts: [
              { profile: { name: "Andi" }, wa_id: "628111" },
              { profile: { name: "Rina" }, wa_id: "628222" },
            ],
            messages: [
              { from: "628222", id: "wamid.R", timestamp: "1", type: "text", text: { body: "dari Rina" } },
              { from: "628111", id: "wamid.A", timestamp: "2", type: "text", text: { body: "dari Andi" } },
              { from: "628333", id: "wamid.X", timestamp: "3", type: "text", text: { body: "tanpa kontak" } },
            ],
          }),
        ],
      }),
    );
    expect(items.map((item) => (item.kind === "message" ? item.contact?.name : "?"))).toEqual([
      "Rina",
      "Andi",
      undefined,
    ]);
  });

  it("reads statuses, including failures and status values it does not know yet", () => {
    const items = parseWebhookBody(
      body({
        id: "WABA1",
        changes: [
          change(SHOWROOM_A, {
            statuses: [
              {
                id: "wamid.OUT1",
                status: "sent",
                timestamp: "1749416400",
                recipient_id: BUYER,
                conversation: {
                  id: "CONV1",
                  expiration_timestamp: "1749502800",
                  origin: { type: "service" },
                },
                pricing: {
                  billable: false,
                  pricing_model: "PMP",
                  category: "service",
                  type: "free_customer_service",
                },
              },
              {
                id: "wamid.OUT2",
                status: "failed",
                timestamp: "1749416401",
                recipient_id: BUYER,
                errors: [
                  {
                    code: 131047,
                    title: "Re-engagement message",
                    message: "Re-engagement message",
                    error_data: {
                      details:
                        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
                    },
                  },
                ],
              },
              { id: "wamid.OUT3", status: "deleted", timestamp: "1749416402", recipient_id: BUYER },
            ],
          }),
        ],
      }),
    );
    expect(kinds(items)).toEqual(["status", "status", "status"]);
    const statuses = items.flatMap((item) => (item.kind === "status" ? [item.status] : []));
    expect(statuses.map((status) => status.status)).toEqual(["sent", "failed", "deleted"]);
    expect(statuses[0]?.pricing?.category).toBe("service");
    expect(statuses[1]?.errors?.[0]?.code).toBe(131047);
    expect(statuses.map((status) => isKnownStatus(status.status))).toEqual([true, true, false]);
  });

  it("reports errors at the value level as error items", () => {
    const items = parseWebhookBody(
      body({
        id: "WABA1",
        changes: [
          change(SHOWROOM_A, {
            errors: [
              {
                code: 131000,
                title: "Something went wrong",
                message: "Something went wrong",
                error_data: { details: "Unknown error" },
              },
            ],
          }),
        ],
      }),
    );
    expect(items).toEqual([
      expect.objectContaining({
        kind: "error",
        phoneNumberId: SHOWROOM_A,
        error: expect.objectContaining({ code: 131000, title: "Something went wrong" }),
      }),
    ]);
  });

  it("does not let one unreadable message hide the others", () => {
    const items = parseWebhookBody(
      body({
        id: "WABA1",
        changes: [
          change(SHOWROOM_A, {
            messages: [
              inbound({ type: "text", text: { body: "pertama" } }, "wamid.1"),
              { type: "text", text: { body: "no id" } },
              inbound({ type: "text", text: { body: "ketiga" } }, "wamid.3"),
            ],
          }),
        ],
      }),
    );
    expect(kinds(items)).toEqual(["message", "invalid", "message"]);
    expect(items[1]).toMatchObject({
      kind: "invalid",
      phoneNumberId: SHOWROOM_A,
      raw: { type: "text", text: { body: "no id" } },
    });
  });

  it("reports a messages change without metadata as invalid", () => {
    const items = parseWebhookBody(
      body({ id: "WABA1", changes: [{ field: "messages", value: { messages: [] } }] }),
    );
    expect(items).toEqual([expect.objectContaining({ kind: "invalid", phoneNumberId: null })]);
  });

  it("rejects a body that is not a WhatsApp webhook", () => {
    expect(() => parseWebhookBody({ object: "page", entry: [] })).toThrow(InvalidWebhookBody);
    expect(() => parseWebhookBody({ object: "whatsapp_business_account" })).toThrow(InvalidWebhookBody);
    expect(() => parseWebhookBody("hello")).toThrow(InvalidWebhookBody);
    expect(() => parseWebhookBody(null)).toThrow(InvalidWebhookBody);
  });

  it("accepts an empty entry list", () => {
    expect(parseWebhookBody(body())).toEqual([]);
  });
});

describe("message text", () => {
  it("is what a person reading the chat would see", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: "text", text: { body: "Cicilan 5jt/bulan bisa?" } }, "Cicilan 5jt/bulan bisa?"],
      [{ type: "image", image: { id: "M", caption: "Yang merah kak" } }, "Yang merah kak"],
      [{ type: "image", image: { id: "M" } }, "[gambar]"],
      [{ type: "video", video: { id: "M", caption: "  " } }, "[video]"],
      [{ type: "sticker", sticker: { id: "M" } }, "[stiker]"],
      [{ type: "document", document: { id: "M", filename: "BPKB.pdf" } }, "[dokumen] BPKB.pdf"],
      [
        { type: "document", document: { id: "M", filename: "BPKB.pdf", caption: "Ini BPKB-nya" } },
        "Ini BPKB-nya",
      ],
      [{ type: "audio", audio: { id: "M", voice: true } }, "[pesan suara]"],
      [{ type: "audio", audio: { id: "M" } }, "[audio]"],
      [
        {
          type: "location",
          location: { latitude: -6.2, longitude: 106.8, name: "Showroom Maju", address: "Jl. Sudirman 1" },
        },
        "[lokasi] Showroom Maju, Jl. Sudirman 1",
      ],
      [{ type: "location", location: { latitude: -6.2, longitude: 106.8 } }, "[lokasi] -6.2, 106.8"],
      [
        {
          type: "interactive",
          interactive: { type: "button_reply", button_reply: { id: "b1", title: "Jadwalkan test drive" } },
        },
        "Jadwalkan test drive",
      ],
      [
        {
          type: "interactive",
          interactive: {
            type: "list_reply",
            list_reply: { id: "v1", title: "Xenia 1.3 R 2018", description: "Rp 120 jt" },
          },
        },
        "Xenia 1.3 R 2018",
      ],
      [
        {
          type: "interactive",
          interactive: { type: "nfm_reply", nfm_reply: { name: "flow", body: "Sent", response_json: "{}" } },
        },
        "Sent",
      ],
      [{ type: "button", button: { text: "Masih minat", payload: "MINAT" } }, "Masih minat"],
      [{ type: "reaction", reaction: { message_id: "wamid.X", emoji: "👍" } }, "[reaksi] 👍"],
      [{ type: "reaction", reaction: { message_id: "wamid.X" } }, "[reaksi dihapus]"],
      [
        {
          type: "contacts",
          contacts: [{ name: { formatted_name: "Pak Joko" }, phones: [{ phone: "+62 811 111 222" }] }],
        },
        "[kontak] Pak Joko (+62 811 111 222)",
      ],
      [{ type: "unsupported", errors: [{ code: 131051 }] }, "[pesan tidak didukung]"],
      [{ type: "unknown", errors: [{ code: 131051 }] }, "[pesan tidak didukung]"],
      [{ type: "order", order: { catalog_id: "1" } }, "[order]"],
    ];
    for (const [message, text] of cases)
      expect([message.type, messageText(singleMessage(message))]).toEqual([message.type, text]);
  });
});
