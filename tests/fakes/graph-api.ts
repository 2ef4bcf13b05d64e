// A fake of Meta's Graph API for WhatsApp (send, read receipts, media, number lookup, WABA
// subscription) on a random local port, speaking the real wire format.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

export interface SentRequest {
  method: string;
  /** Path without the query string, e.g. /v23.0/1234567890/messages. */
  path: string;
  /** The {phone_number_id} of a /{version}/{phone_number_id}/messages call; null for anything else. */
  phoneNumberId: string | null;
  headers: { authorization: string | null; contentType: string | null; userAgent: string | null };
  /** Parsed JSON; the raw text when it was not JSON; null when empty. */
  body: unknown;
}

export interface FakeGraphApiOptions {
  /** Answer only this version (e.g. "v23.0"); any vX.Y when unset. */
  apiVersion?: string;
  /** Require this bearer token from the start (see requireToken); otherwise any non-empty token is accepted. */
  token?: string;
  /** Only these business phone numbers exist; any id is accepted when unset. */
  phoneNumberIds?: string[];
}

export interface FailNextOptions {
  /** Default: 401 for code 190, 500 for Meta's "temporarily unavailable" codes, 400 otherwise (as Meta does). */
  httpStatus?: number;
  message?: string;
  subcode?: number;
  details?: string;
}

export interface FakeMedia {
  id: string;
  bytes: Buffer;
  mimeType: string;
}

/** A business number the fake knows: GET /{version}/{id}?fields=... answers with it, to its own token. */
export interface FakePhoneNumber {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating?: string;
  messagingLimitTier?: string;
  /** The System User token that may use this number; another known token gets Meta's code 100. */
  token: string;
  /** The WhatsApp Business Account it belongs to (POST /{waba_id}/subscribed_apps). */
  wabaId?: string;
}

export interface FakeGraphApi {
  /** http://127.0.0.1:<port>: use as the Graph API base URL. */
  url: string;
  /** Every request received, in order, including failed ones. */
  sent: SentRequest[];
  /** The next `times` requests (any route) answer with this Graph error instead. */
  failNext(code: number, times?: number, options?: FailNextOptions): void;
  /** Delay every answer by this long (0 to stop); for timeout tests. */
  setDelay(ms: number): void;
  /** Serve media: GET /{version}/{id} gives its info, and the URL in that info gives its bytes (bearer token required). */
  addMedia(media: FakeMedia): void;
  /**
   * A number to look up. Once any number is added, bearer tokens are checked like Meta does: an
   * unknown token gets 401/190, a known token asking about a number it may not use gets 400/100.
   */
  addPhoneNumber(number: FakePhoneNumber): void;
  /** WABA ids the app was subscribed to (POST /{waba_id}/subscribed_apps), in order. */
  subscriptions: string[];
  /** From now on only `Bearer <token>` is accepted; anything else gets 401 with code 190. */
  requireToken(token: string): void;
  /** Forget requests, subscriptions, pending failures and the delay (media, numbers and the token stay). */
  reset(): void;
  close(): Promise<void>;
}

interface PendingFailure {
  code: number;
  remaining: number;
  options: FailNextOptions;
}

interface StoredMedia extends FakeMedia {
  sha256Hex: string;
  downloadKey: string;
}

interface Reply {
  status: number;
  contentType: string;
  body: Buffer;
}

// ---------------------------------------------------------------------------------------------------------------
// What Meta accepts on POST /{version}/{phone_number_id}/messages

const MediaReference = z.union([
  z.object({ link: z.url(), caption: z.string().max(1024).optional() }),
  z.object({ id: z.string().min(1), caption: z.string().max(1024).optional() }),
]);

const InteractiveButtons = z.object({
  type: z.literal("button"),
  header: z.unknown().optional(),
  body: z.object({ text: z.string().trim().min(1).max(1024) }),
  footer: z.object({ text: z.string().max(60) }).optional(),
  action: z.object({
    buttons: z
      .array(
        z.object({
          type: z.literal("reply"),
          reply: z.object({ id: z.string().min(1).max(256), title: z.string().trim().min(1).max(20) }),
        }),
      )
      .min(1)
      .max(3)
      .refine((buttons) => isUnique(buttons.map((button) => button.reply.id)), "button ids must be unique")
      .refine(
        (buttons) => isUnique(buttons.map((button) => button.reply.title)),
        "button titles must be unique",
      ),
  }),
});

const InteractiveList = z.object({
  type: z.literal("list"),
  header: z.unknown().optional(),
  body: z.object({ text: z.string().trim().min(1).max(1024) }),
  footer: z.object({ text: z.string().max(60) }).optional(),
  action: z.object({
    button: z.string().trim().min(1).max(20),
    sections: z
      .array(
        z.object({
          title: z.string().max(24).optional(),
          rows: z
            .array(
              z.object({
                id: z.string().min(1).max(200),
                title: z.string().trim().min(1).max(24),
                description: z.string().max(72).optional(),
              }),
            )
            .min(1),
        }),
      )
      .min(1)
      .max(10)
      .refine(
        (sections) => sections.reduce((total, section) => total + section.rows.length, 0) <= 10,
        "at most 10 rows in all",
      )
      .refine(
        (sections) => sections.length === 1 || sections.every((section) => section.title !== undefined),
        "section titles are required with more than one section",
      )
      .refine(
        (sections) => isUnique(sections.flatMap((section) => section.rows.map((row) => row.id))),
        "row ids must be unique",
      ),
  }),
});

const messageEnvelope = {
  messaging_product: z.literal("whatsapp"),
  recipient_type: z.literal("individual").optional(),
  to: z.string().trim().min(1),
  context: z.object({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
};

const OutboundMessage = z.discriminatedUnion("type", [
  z.object({
    ...messageEnvelope,
    type: z.literal("text"),
    text: z.object({ body: z.string().trim().min(1).max(4096), preview_url: z.boolean().optional() }),
  }),
  z.object({ ...messageEnvelope, type: z.literal("image"), image: MediaReference }),
  z.object({ ...messageEnvelope, type: z.literal("video"), video: MediaReference }),
  z.object({ ...messageEnvelope, type: z.literal("audio"), audio: MediaReference }),
  z.object({ ...messageEnvelope, type: z.literal("sticker"), sticker: MediaReference }),
  z.object({
    ...messageEnvelope,
    type: z.literal("document"),
    document: z.intersection(MediaReference, z.object({ filename: z.string().optional() })),
  }),
  z.object({
    ...messageEnvelope,
    type: z.literal("location"),
    location: z.object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    }),
  }),
  z.object({
    ...messageEnvelope,
    type: z.literal("reaction"),
    reaction: z.object({ message_id: z.string().min(1), emoji: z.string() }),
  }),
  z.object({
    ...messageEnvelope,
    type: z.literal("interactive"),
    interactive: z.discriminatedUnion("type", [InteractiveButtons, InteractiveList]),
  }),
  z.object({
    ...messageEnvelope,
    type: z.literal("template"),
    template: z.object({
      name: z.string().min(1),
      language: z.object({ code: z.string().min(1), policy: z.string().optional() }),
      components: z.array(z.looseObject({ type: z.string().min(1) })).optional(),
    }),
  }),
]);

const ReadReceipt = z.object({
  messaging_product: z.literal("whatsapp"),
  status: z.literal("read"),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal("text") }).optional(),
});

// Meta treats a missing type as "text".
const WithDefaultType = z.looseObject({ type: z.string().default("text") });

// ---------------------------------------------------------------------------------------------------------------

const DEFAULT_MESSAGES: ReadonlyMap<number, string> = new Map([
  [10, "(#10) Application does not have permission for this action"],
  [100, "(#100) Invalid parameter"],
  [200, "(#200) Requires whatsapp_business_management permission"],
  [190, "Error validating access token: Session has expired."],
  [130429, "(#130429) Rate limit hit"],
  [131026, "(#131026) Message undeliverable"],
  [131047, "(#131047) Re-engagement message"],
  [131052, "(#131052) Media download error"],
  [131053, "(#131053) Media upload error"],
  [131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit"],
]);
const SERVER_SIDE_CODES = new Set([1, 2, 131000, 131016, 133004]);
const VERSION_PATTERN = /^v\d+\.\d+$/;
const MEDIA_DOWNLOAD_PREFIX = "/media-download/";

export async function startFakeGraphApi(options: FakeGraphApiOptions = {}): Promise<FakeGraphApi> {
  const sent: SentRequest[] = [];
  const media = new Map<string, StoredMedia>();
  const failures: PendingFailure[] = [];
  const numbers = new Map<string, FakePhoneNumber>();
  const subscriptions: string[] = [];
  let requiredToken: string | null = options.token ?? null;
  let delayMs = 0;
  let messageCounter = 0;
  let baseUrl = "";

  function handle(request: http.IncomingMessage, rawBody: Buffer): Reply {
    const url = new URL(request.url ?? "/", "http://fake");
    const method = request.method ?? "GET";
    const segments = url.pathname
      .split("/")
      .filter((segment) => segment !== "")
      .map(decodeURIComponent);
    const isMessagesCall = method === "POST" && segments.length === 3 && segments[2] === "messages";
    const body = parseBody(rawBody);
    sent.push({
      method,
      path: url.pathname,
      phoneNumberId: isMessagesCall ? (segments[1] ?? null) : null,
      headers: {
        authorization: request.headers.authorization ?? null,
        contentType: request.headers["content-type"] ?? null,
        userAgent: request.headers["user-agent"] ?? null,
      },
      body,
    });

    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
    if (!hasValidToken(request.headers.authorization) || !isKnownToken(bearer)) {
      return graphError(401, {
        code: 190,
        message: "Invalid OAuth access token - Cannot parse access token",
      });
    }
    const failure = takeFailure();
    if (failure !== null) return failure;

    if (method === "GET" && url.pathname.startsWith(MEDIA_DOWNLOAD_PREFIX)) return serveMediaBytes(url);
    const [version, objectId, edge] = segments;
    if (version === undefined || !isAcceptedVersion(version)) {
      return graphError(400, { code: 2500, message: `Unknown path components: ${url.pathname}` });
    }
    if (isMessagesCall && objectId !== undefined) return acceptMessage(objectId, body);
    if (method === "POST" && objectId !== undefined && edge === "subscribed_apps")
      return subscribeApp(objectId, bearer);
    if (method === "GET" && objectId !== undefined && edge === undefined) {
      if (media.has(objectId)) return serveMediaInfo(objectId);
      if (numbers.has(objectId)) return serveNumber(objectId, bearer, url.searchParams.get("fields"));
      return unknownObject("get", objectId);
    }
    return graphError(400, { code: 100, message: `Unsupported ${method.toLowerCase()} request.` });
  }

  function hasValidToken(header: string | undefined): boolean {
    const match = /^Bearer (.+)$/.exec(header ?? "");
    const token = match?.[1];
    if (token === undefined || token.trim() === "") return false;
    return requiredToken === null || token === requiredToken;
  }

  /** Without registered numbers any token is "known" (the send tests' behaviour). */
  function isKnownToken(token: string): boolean {
    if (numbers.size === 0) return true;
    return token === requiredToken || [...numbers.values()].some((number) => number.token === token);
  }

  function serveNumber(id: string, token: string, fields: string | null): Reply {
    const number = numbers.get(id);
    if (number === undefined || number.token !== token) return unknownObject("get", id);
    const all: Record<string, string | undefined> = {
      display_phone_number: number.displayPhoneNumber,
      verified_name: number.verifiedName,
      quality_rating: number.qualityRating ?? "GREEN",
      messaging_limit_tier: number.messagingLimitTier ?? "TIER_1K",
      code_verification_status: "VERIFIED",
      platform_type: "CLOUD_API",
    };
    // Meta answers the fields asked for (a default few otherwise), always with the id.
    const asked = (fields ?? "display_phone_number,verified_name").split(",").map((field) => field.trim());
    const answer: Record<string, string> = { id };
    for (const field of asked) {
      const value = all[field];
      if (value !== undefined) answer[field] = value;
    }
    return json(200, answer);
  }

  function subscribeApp(wabaId: string, token: string): Reply {
    const owns = [...numbers.values()].some((number) => number.wabaId === wabaId && number.token === token);
    if (numbers.size > 0 && !owns) return unknownObject("post", wabaId);
    subscriptions.push(wabaId);
    return json(200, { success: true });
  }

  function takeFailure(): Reply | null {
    const next = failures[0];
    if (next === undefined) return null;
    next.remaining -= 1;
    if (next.remaining <= 0) failures.shift();
    const status = next.options.httpStatus ?? defaultStatusFor(next.code);
    return graphError(status, {
      code: next.code,
      subcode: next.options.subcode,
      message: next.options.message ?? DEFAULT_MESSAGES.get(next.code) ?? `(#${next.code}) Fake failure`,
      details: next.options.details,
    });
  }

  function isAcceptedVersion(version: string): boolean {
    return options.apiVersion === undefined ? VERSION_PATTERN.test(version) : version === options.apiVersion;
  }

  function acceptMessage(phoneNumberId: string, body: unknown): Reply {
    if (options.phoneNumberIds !== undefined && !options.phoneNumberIds.includes(phoneNumberId)) {
      return unknownObject("post", phoneNumberId);
    }
    if (body !== null && typeof body === "object" && "status" in body) {
      const receipt = ReadReceipt.safeParse(body);
      if (!receipt.success) return invalidParameter(receipt.error);
      return json(200, { success: true });
    }
    const withType = WithDefaultType.safeParse(body);
    if (!withType.success) return invalidParameter(withType.error);
    const message = OutboundMessage.safeParse(withType.data);
    if (!message.success) return invalidParameter(message.error);
    const { to, type } = message.data;
    const sentMessage: Record<string, string> = { id: nextWamid() };
    if (type === "template") sentMessage.message_status = "accepted";
    return json(200, {
      messaging_product: "whatsapp",
      contacts: [{ input: to, wa_id: to.replace(/\D/g, "") || to }],
      messages: [sentMessage],
    });
  }

  function serveMediaInfo(mediaId: string): Reply {
    const stored = media.get(mediaId);
    if (stored === undefined) return unknownObject("get", mediaId);
    return json(200, {
      messaging_product: "whatsapp",
      url: `${baseUrl}${MEDIA_DOWNLOAD_PREFIX}${encodeURIComponent(stored.id)}?key=${stored.downloadKey}`,
      mime_type: stored.mimeType,
      sha256: stored.sha256Hex,
      file_size: stored.bytes.length,
      id: stored.id,
    });
  }

  function serveMediaBytes(url: URL): Reply {
    const mediaId = decodeURIComponent(url.pathname.slice(MEDIA_DOWNLOAD_PREFIX.length));
    const stored = media.get(mediaId);
    if (stored === undefined || url.searchParams.get("key") !== stored.downloadKey) {
      return { status: 404, contentType: "text/plain", body: Buffer.from("Not Found") };
    }
    return { status: 200, contentType: stored.mimeType, body: stored.bytes };
  }

  function nextWamid(): string {
    messageCounter += 1;
    return `wamid.${Buffer.from(`FAKE${messageCounter}:${randomBytes(12).toString("hex")}`).toString("base64")}`;
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      let reply: Reply;
      try {
        reply = handle(request, Buffer.concat(chunks));
      } catch (error) {
        reply = graphError(500, {
          code: 1,
          message: `Fake Graph API crashed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      const send = () => {
        if (response.destroyed) return;
        response.writeHead(reply.status, {
          "content-type": reply.contentType,
          "content-length": reply.body.length,
        });
        response.end(reply.body);
      };
      if (delayMs > 0) setTimeout(send, delayMs);
      else send();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // An IP rather than "localhost", so clients never try ::1 while the server listens on IPv4 only.
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === "string") {
    server.close();
    throw new Error("fake Graph API is not listening on a TCP port");
  }
  baseUrl = `http://127.0.0.1:${address.port}`;

  return {
    url: baseUrl,
    sent,
    failNext(code, times = 1, failOptions = {}) {
      failures.push({ code, remaining: times, options: failOptions });
    },
    setDelay(ms) {
      delayMs = ms;
    },
    subscriptions,
    addPhoneNumber(number) {
      numbers.set(number.id, number);
    },
    addMedia({ id, bytes, mimeType }) {
      const sha256Hex = createHash("sha256").update(bytes).digest("hex");
      media.set(id, { id, bytes, mimeType, sha256Hex, downloadKey: randomBytes(8).toString("hex") });
    },
    requireToken(token) {
      requiredToken = token;
    },
    reset() {
      sent.length = 0;
      subscriptions.length = 0;
      failures.length = 0;
      delayMs = 0;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Delayed answers and keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}

function defaultStatusFor(code: number): number {
  if (code === 190) return 401;
  if (code === 10 || code === 200) return 403;
  return SERVER_SIDE_CODES.has(code) ? 500 : 400;
}

interface GraphErrorFields {
  code: number;
  message: string;
  subcode?: number;
  details?: string;
}

function graphError(status: number, fields: GraphErrorFields): Reply {
  const error: Record<string, unknown> = {
    message: fields.message,
    type: "OAuthException",
    code: fields.code,
    fbtrace_id: randomBytes(9).toString("base64url"),
  };
  if (fields.subcode !== undefined) error.error_subcode = fields.subcode;
  if (fields.details !== undefined)
    error.error_data = { messaging_product: "whatsapp", details: fields.details };
  return json(status, { error });
}

function invalidParameter(error: z.ZodError): Reply {
  const details = error.issues
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  return graphError(400, { code: 100, message: "(#100) Invalid parameter", details });
}

function unknownObject(verb: "get" | "post", id: string): Reply {
  return graphError(400, {
    code: 100,
    subcode: 33,
    message: `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  });
}

function json(status: number, value: unknown): Reply {
  return { status, contentType: "application/json; charset=utf-8", body: Buffer.from(JSON.stringify(value)) };
}

function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return null;
  const text = raw.toString("utf8");
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return text;
  }
}

function isUnique(values: string[]): boolean {
  return new Set(values).size === values.length;
}
