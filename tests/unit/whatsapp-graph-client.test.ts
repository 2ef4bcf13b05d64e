import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  classifyGraphError,
  GraphApiError,
  GraphClient,
  MediaIntegrityError,
} from "@/lib/whatsapp/graph-client";
import { WhatsAppLimitError } from "@/lib/whatsapp/limits";
import { type FakeGraphApi, type SentRequest, startFakeGraphApi } from "@/tests/fakes/graph-api";

const VERSION = "v23.0";
const PHONE_NUMBER_ID = "106540352242922";
const TOKEN = "EAAG-test-token";
const BUYER = "6281234567890";

let graph: FakeGraphApi;

function client(overrides: Partial<ConstructorParameters<typeof GraphClient>[0]> = {}): GraphClient {
  return new GraphClient({
    baseUrl: graph.url,
    apiVersion: VERSION,
    phoneNumberId: PHONE_NUMBER_ID,
    accessToken: TOKEN,
    ...overrides,
  });
}

function lastRequest(): SentRequest {
  const request = graph.sent.at(-1);
  if (request === undefined) throw new Error("the fake Graph API received nothing");
  return request;
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

async function graphError(promise: Promise<unknown>): Promise<GraphApiError> {
  const error = await caught(promise);
  if (!(error instanceof GraphApiError)) throw error;
  return error;
}

beforeAll(async () => {
  graph = await startFakeGraphApi({ apiVersion: VERSION, phoneNumberIds: [PHONE_NUMBER_ID] });
  graph.requireToken(TOKEN);
});

afterAll(async () => {
  await graph.close();
});

beforeEach(() => {
  graph.reset();
});

describe("sending messages", () => {
  it("sends a text message and returns its wamid", async () => {
    const result = await client().sendText(BUYER, "Unit Avanza 2019 masih ada kak 🚗", { previewUrl: true });
    expect(result.wamid).toMatch(/^wamid\./);
    const request = lastRequest();
    expect(request).toMatchObject({
      method: "POST",
      path: `/${VERSION}/${PHONE_NUMBER_ID}/messages`,
      phoneNumberId: PHONE_NUMBER_ID,
      headers: { authorization: `Bearer ${TOKEN}`, contentType: "application/json" },
      body: {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: BUYER,
        type: "text",
        text: { body: "Unit Avanza 2019 masih ada kak 🚗", preview_url: true },
      },
    });
    expect(request.headers.userAgent).toMatch(/autolumiku/);
  });

  it("gives every message its own wamid", async () => {
    const wamids = await Promise.all([1, 2, 3].map((n) => client().sendText(BUYER, `Pesan ${n}`)));
    expect(new Set(wamids.map((result) => result.wamid)).size).toBe(3);
  });

  it("sends an image by link with a caption", async () => {
    await client().sendImage(BUYER, { link: "https://cdn.example/avanza.jpg", caption: "Avanza 1.5 G 2019" });
    expect(lastRequest().body).toMatchObject({
      type: "image",
      image: { link: "https://cdn.example/avanza.jpg", caption: "Avanza 1.5 G 2019" },
    });
  });

  it("sends reply buttons", async () => {
    const result = await client().sendButtons(BUYER, "Mau lanjut ke mana kak?", [
      { id: "test-drive", title: "Test drive" },
      { id: "kredit", title: "Simulasi kredit" },
    ]);
    expect(result.wamid).toMatch(/^wamid\./);
    expect(lastRequest().body).toMatchObject({
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Mau lanjut ke mana kak?" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "test-drive", title: "Test drive" } },
            { type: "reply", reply: { id: "kredit", title: "Simulasi kredit" } },
          ],
        },
      },
    });
  });

  it("sends a list", async () => {
    await client().sendList(BUYER, "Ini unit yang cocok kak", "Lihat unit", [
      {
        title: "MPV",
        rows: [{ id: "veh-1", title: "Avanza 1.5 G 2019", description: "Rp 185 jt · 45.000 km" }],
      },
      { title: "SUV", rows: [{ id: "veh-2", title: "Rush 1.5 S 2020" }] },
    ]);
    expect(lastRequest().body).toMatchObject({
      type: "interactive",
      interactive: {
        type: "list",
        action: {
          button: "Lihat unit",
          sections: [
            {
              title: "MPV",
              rows: [{ id: "veh-1", title: "Avanza 1.5 G 2019", description: "Rp 185 jt · 45.000 km" }],
            },
            { title: "SUV", rows: [{ id: "veh-2", title: "Rush 1.5 S 2020" }] },
          ],
        },
      },
    });
  });

  it("sends a template with parameters", async () => {
    const result = await client().sendTemplate(BUYER, "follow_up_unit", "id", [
      { type: "body", parameters: [{ type: "text", text: "Budi" }] },
    ]);
    expect(result.wamid).toMatch(/^wamid\./);
    expect(lastRequest().body).toMatchObject({
      type: "template",
      template: {
        name: "follow_up_unit",
        language: { code: "id" },
        components: [{ type: "body", parameters: [{ type: "text", text: "Budi" }] }],
      },
    });
  });

  it("marks a message read and shows the typing indicator", async () => {
    await client().markRead("wamid.IN1", { typing: true });
    expect(lastRequest().body).toEqual({
      messaging_product: "whatsapp",
      status: "read",
      message_id: "wamid.IN1",
      typing_indicator: { type: "text" },
    });
    await client().markRead("wamid.IN2");
    expect(lastRequest().body).toEqual({
      messaging_product: "whatsapp",
      status: "read",
      message_id: "wamid.IN2",
    });
  });

  it("refuses to send what WhatsApp would reject, without calling the API", async () => {
    await expect(
      client().sendButtons(
        BUYER,
        "Pilih",
        [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `Opsi ${n}` })),
      ),
    ).rejects.toThrow(WhatsAppLimitError);
    await expect(client().sendText(BUYER, "x".repeat(4097))).rejects.toThrow(WhatsAppLimitError);
    await expect(
      client().sendList(BUYER, "Pilih", "Lihat", [
        { rows: Array.from({ length: 11 }, (_, n) => ({ id: `r${n}`, title: `Unit ${n}` })) },
      ]),
    ).rejects.toThrow(WhatsAppLimitError);
    expect(graph.sent).toEqual([]);
  });
});

describe("Graph API errors", () => {
  it("classifies throughput limits as retryable", async () => {
    graph.failNext(130429);
    const error = await graphError(client().sendText(BUYER, "halo"));
    expect(error).toMatchObject({ code: 130429, category: "rate_limit", retryable: true, httpStatus: 400 });
    expect(error.message).toContain("Rate limit");
    expect(error.fbtraceId).toBeTruthy();
  });

  it("classifies the pair rate limit as retryable", async () => {
    graph.failNext(131056, 1, {
      details:
        "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.",
    });
    const error = await graphError(client().sendText(BUYER, "halo"));
    expect(error).toMatchObject({ code: 131056, category: "pair_rate", retryable: true });
    expect(error.details).toContain("too many messages");
  });

  it("reports a closed 24-hour window as final, not retryable", async () => {
    graph.failNext(131047);
    const error = await graphError(client().sendText(BUYER, "halo"));
    expect(error).toMatchObject({ code: 131047, category: "window_closed", retryable: false });
  });

  it("reports an expired token (190) as an auth failure", async () => {
    graph.failNext(190, 1, { subcode: 463 });
    const error = await graphError(client().sendText(BUYER, "halo"));
    expect(error).toMatchObject({
      code: 190,
      subcode: 463,
      httpStatus: 401,
      category: "auth",
      retryable: false,
    });
  });

  it("rejects a wrong token with 401 and code 190", async () => {
    const error = await graphError(client({ accessToken: "EAAG-revoked" }).sendText(BUYER, "halo"));
    expect(error).toMatchObject({ code: 190, httpStatus: 401, category: "auth", retryable: false });
  });

  it("fails only as many times as asked, then succeeds", async () => {
    graph.failNext(130429, 2);
    await expect(client().sendText(BUYER, "1")).rejects.toThrow(GraphApiError);
    await expect(client().sendText(BUYER, "2")).rejects.toThrow(GraphApiError);
    await expect(client().sendText(BUYER, "3")).resolves.toMatchObject({
      wamid: expect.stringMatching(/^wamid\./),
    });
  });

  it("treats a server error without a known code as transient", async () => {
    graph.failNext(1, 1, { httpStatus: 503, message: "An unknown error occurred" });
    const error = await graphError(client().sendText(BUYER, "halo"));
    expect(error).toMatchObject({ httpStatus: 503, category: "transient", retryable: true });
  });

  it("treats a timeout as transient", async () => {
    graph.setDelay(300);
    const error = await graphError(client({ timeoutMs: 50 }).sendText(BUYER, "halo"));
    expect(error).toMatchObject({ code: null, httpStatus: null, category: "transient", retryable: true });
    expect(error.message).toContain("timed out");
  });

  it("treats a refused connection as transient", async () => {
    const closed = await startFakeGraphApi();
    const url = closed.url;
    await closed.close();
    const error = await graphError(client({ baseUrl: url }).sendText(BUYER, "halo"));
    expect(error).toMatchObject({ code: null, httpStatus: null, category: "transient", retryable: true });
  });

  it("maps a request Meta finds invalid to code 100", async () => {
    const error = await graphError(client().sendTemplate(BUYER, "", "id"));
    expect(error).toMatchObject({
      code: 100,
      httpStatus: 400,
      category: "invalid_request",
      retryable: false,
    });
    expect(error.details).toContain("template.name");
  });

  it("maps an unknown phone number id to code 100", async () => {
    const error = await graphError(client({ phoneNumberId: "999" }).sendText(BUYER, "halo"));
    expect(error).toMatchObject({ code: 100, subcode: 33, category: "invalid_request" });
  });

  it("does not retry an answer it cannot read: the message may have gone out", async () => {
    const server = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ messaging_product: "whatsapp", messages: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address: AddressInfo | string | null = server.address();
    if (address === null || typeof address === "string") throw new Error("not listening on a TCP port");
    const { port } = address;
    try {
      const error = await graphError(client({ baseUrl: `http://127.0.0.1:${port}` }).sendText(BUYER, "halo"));
      expect(error).toMatchObject({ httpStatus: 200, category: "unknown", retryable: false });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("classifying error codes", () => {
  it("maps Meta's codes to what the outbox should do", () => {
    expect(classifyGraphError(130429)).toEqual({ category: "rate_limit", retryable: true });
    expect(classifyGraphError(131056)).toEqual({ category: "pair_rate", retryable: true });
    expect(classifyGraphError(131047)).toEqual({ category: "window_closed", retryable: false });
    expect(classifyGraphError(131026)).toEqual({ category: "undeliverable", retryable: false });
    expect(classifyGraphError(131052)).toEqual({ category: "media", retryable: false });
    expect(classifyGraphError(131053)).toEqual({ category: "media", retryable: false });
    expect(classifyGraphError(190)).toEqual({ category: "auth", retryable: false });
    expect(classifyGraphError(null, 401)).toEqual({ category: "auth", retryable: false });
    expect(classifyGraphError(null, 502)).toEqual({ category: "transient", retryable: true });
    expect(classifyGraphError(null, null)).toEqual({ category: "transient", retryable: true });
    expect(classifyGraphError(131051, 400)).toEqual({ category: "unknown", retryable: false });
  });

  it("lets the code decide over the HTTP status", () => {
    expect(classifyGraphError(131047, 500)).toEqual({ category: "window_closed", retryable: false });
  });

  it("tells a token without the WhatsApp permissions (10, 200) from a bad token (190)", () => {
    expect(classifyGraphError(10, 403)).toEqual({ category: "permission", retryable: false });
    expect(classifyGraphError(200, 403)).toEqual({ category: "permission", retryable: false });
  });
});

describe("looking a number up", () => {
  it("asks for the number's fields with the token and reads Meta's answer", async () => {
    graph.addPhoneNumber({
      id: PHONE_NUMBER_ID,
      displayPhoneNumber: "+62 811-1100-0001",
      verifiedName: "Maju Motor",
      qualityRating: "YELLOW",
      messagingLimitTier: "TIER_250",
      token: TOKEN,
      wabaId: "102290129340398",
    });
    expect(await client().getPhoneNumber()).toEqual({
      displayPhoneNumber: "+62 811-1100-0001",
      verifiedName: "Maju Motor",
      qualityRating: "YELLOW",
      messagingLimitTier: "TIER_250",
    });
    expect(lastRequest()).toMatchObject({
      method: "GET",
      path: `/${VERSION}/${PHONE_NUMBER_ID}`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    await client().subscribeApp("102290129340398");
    expect(graph.subscriptions).toEqual(["102290129340398"]);
    const refused = await graphError(client({ accessToken: "EAAG-other" }).getPhoneNumber());
    expect({ code: refused.code, status: refused.httpStatus, category: refused.category }).toEqual({
      code: 190,
      status: 401,
      category: "auth",
    });
  });
});

describe("media", () => {
  const photo = Buffer.from("\xff\xd8\xff\xe0 fake jpeg bytes of a Fortuner", "latin1");
  const photoHex = createHash("sha256").update(photo).digest("hex");
  const photoBase64 = createHash("sha256").update(photo).digest("base64");

  beforeEach(() => {
    graph.addMedia({ id: "MEDIA123", bytes: photo, mimeType: "image/jpeg" });
  });

  it("looks up a media id", async () => {
    const info = await client().getMediaInfo("MEDIA123");
    expect(info).toEqual({
      url: expect.stringContaining(graph.url),
      mime_type: "image/jpeg",
      sha256: photoHex,
      file_size: photo.length,
    });
    expect(lastRequest()).toMatchObject({
      method: "GET",
      path: `/${VERSION}/MEDIA123`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
  });

  it("downloads with the bearer token and checks the hex sha256", async () => {
    const info = await client().getMediaInfo("MEDIA123");
    const bytes = await client().downloadMedia(info.url, info.sha256);
    expect(bytes.equals(photo)).toBe(true);
    expect(lastRequest()).toMatchObject({ method: "GET", headers: { authorization: `Bearer ${TOKEN}` } });
  });

  it("accepts the base64 sha256 that webhooks carry", async () => {
    const info = await client().getMediaInfo("MEDIA123");
    await expect(client().downloadMedia(info.url, photoBase64)).resolves.toEqual(photo);
  });

  it("refuses bytes that do not match the expected sha256", async () => {
    const info = await client().getMediaInfo("MEDIA123");
    const wrong = createHash("sha256").update("another file").digest("hex");
    const error = await caught(client().downloadMedia(info.url, wrong));
    expect(error).toBeInstanceOf(MediaIntegrityError);
    expect(error).toMatchObject({ expectedSha256: wrong, actualSha256Hex: photoHex });
  });

  it("refuses a malformed expected sha256 before downloading", async () => {
    const info = await client().getMediaInfo("MEDIA123");
    const before = graph.sent.length;
    await expect(client().downloadMedia(info.url, "not-a-hash")).rejects.toThrow(RangeError);
    expect(graph.sent.length).toBe(before);
  });

  it("needs the token for the download too", async () => {
    const info = await client().getMediaInfo("MEDIA123");
    const error = await graphError(client({ accessToken: "EAAG-other" }).downloadMedia(info.url));
    expect(error).toMatchObject({ httpStatus: 401, code: 190, category: "auth" });
  });

  it("reports an unknown media id", async () => {
    const error = await graphError(client().getMediaInfo("NOPE"));
    expect(error).toMatchObject({ code: 100, subcode: 33, httpStatus: 400 });
  });

  it("classifies media errors", async () => {
    graph.failNext(131052);
    const error = await graphError(client().getMediaInfo("MEDIA123"));
    expect(error).toMatchObject({ code: 131052, category: "media", retryable: false });
  });

  it("never sends the token to a plain-http host other than the Graph API", async () => {
    await expect(client().downloadMedia("http://evil.example/media/1")).rejects.toThrow(/https/);
    expect(graph.sent).toEqual([]);
  });
});

describe("the fake Graph API", () => {
  async function post(body: string, token = TOKEN): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${graph.url}/${VERSION}/${PHONE_NUMBER_ID}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
    });
    const json: unknown = await response.json();
    return { status: response.status, json };
  }

  it("refuses what Meta refuses with 400 and code 100", async () => {
    const invalid = [
      "not json",
      JSON.stringify({ to: BUYER, type: "text", text: { body: "tanpa messaging_product" } }),
      JSON.stringify({ messaging_product: "whatsapp", type: "text", text: { body: "tanpa to" } }),
      JSON.stringify({ messaging_product: "whatsapp", to: BUYER, type: "image" }),
      JSON.stringify({ messaging_product: "whatsapp", to: BUYER, type: "hologram", hologram: {} }),
      JSON.stringify({
        messaging_product: "whatsapp",
        to: BUYER,
        type: "text",
        text: { body: "x".repeat(4097) },
      }),
      JSON.stringify({ messaging_product: "whatsapp", status: "read" }),
    ];
    for (const body of invalid) {
      const answer = await post(body);
      expect([body.slice(0, 40), answer.status, answer.json]).toEqual([
        body.slice(0, 40),
        400,
        {
          error: expect.objectContaining({
            code: 100,
            type: "OAuthException",
            fbtrace_id: expect.any(String),
          }),
        },
      ]);
    }
  });

  it("treats a message without a type as text, as Meta does", async () => {
    const answer = await post(
      JSON.stringify({ messaging_product: "whatsapp", to: BUYER, text: { body: "halo" } }),
    );
    expect(answer).toEqual({
      status: 200,
      json: {
        messaging_product: "whatsapp",
        contacts: [{ input: BUYER, wa_id: BUYER }],
        messages: [{ id: expect.stringMatching(/^wamid\./) }],
      },
    });
  });

  it("answers a wrong token with 401 and code 190", async () => {
    const answer = await post(
      JSON.stringify({ messaging_product: "whatsapp", to: BUYER, text: { body: "halo" } }),
      "EAAG-wrong",
    );
    expect(answer).toMatchObject({ status: 401, json: { error: { code: 190 } } });
  });
});
