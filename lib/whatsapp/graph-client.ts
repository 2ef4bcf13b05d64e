// Talks to Meta's Graph API for one WhatsApp business number: sends messages, marks read, fetches media, classifies errors.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import {
  assertCaption,
  assertList,
  assertReplyButtons,
  assertTextBody,
  type ListSection,
  type ReplyButton,
} from "./limits";

// ---------------------------------------------------------------------------------------------------------------
// Errors

/**
 * What the outbox should do about a failed call. Only rate limits and transient failures are worth retrying;
 * "window_closed" means the 24-hour customer-service window is shut and only a template can reach the buyer now.
 */
export type GraphErrorCategory =
  | "rate_limit"
  | "pair_rate"
  | "window_closed"
  | "undeliverable"
  | "media"
  | "auth"
  | "permission"
  | "invalid_request"
  | "transient"
  | "unknown";

export interface GraphErrorClass {
  category: GraphErrorCategory;
  retryable: boolean;
}

const retry = (category: GraphErrorCategory): GraphErrorClass => ({ category, retryable: true });
const final = (category: GraphErrorCategory): GraphErrorClass => ({ category, retryable: false });

// Codes from Meta's Cloud API error reference. Throughput (130429) and pair rate (131056) clear with time; the
// "temporarily unavailable" family (2, 131000, 131016, 133004) is documented as retryable too.
const CLASS_BY_CODE: ReadonlyMap<number, GraphErrorClass> = new Map([
  [130429, retry("rate_limit")],
  [4, retry("rate_limit")],
  [80007, retry("rate_limit")],
  [131056, retry("pair_rate")],
  [131047, final("window_closed")],
  [131026, final("undeliverable")],
  [131052, final("media")],
  [131053, final("media")],
  [190, final("auth")],
  // The token is valid but lacks whatsapp_business_messaging / whatsapp_business_management.
  [10, final("permission")],
  [200, final("permission")],
  [100, final("invalid_request")],
  [131008, final("invalid_request")],
  [131009, final("invalid_request")],
  [2, retry("transient")],
  [131000, retry("transient")],
  [131016, retry("transient")],
  [133004, retry("transient")],
]);

/**
 * Classifies a Graph API failure by Meta's error code first, then by HTTP status. No code and no status means the
 * request never got an answer (network failure, timeout): transient.
 */
export function classifyGraphError(
  code: number | null | undefined,
  httpStatus?: number | null,
): GraphErrorClass {
  const byCode = code === null || code === undefined ? undefined : CLASS_BY_CODE.get(code);
  if (byCode !== undefined) return byCode;
  if (httpStatus === 401) return final("auth");
  if (httpStatus === 429) return retry("rate_limit");
  if (httpStatus !== null && httpStatus !== undefined && httpStatus >= 500) return retry("transient");
  if ((code === null || code === undefined) && (httpStatus === null || httpStatus === undefined))
    return retry("transient");
  return final("unknown");
}

interface GraphApiErrorInit {
  message: string;
  code: number | null;
  subcode?: number | null;
  httpStatus: number | null;
  details?: string | null;
  fbtraceId?: string | null;
  cause?: unknown;
}

/** A failed Graph API call, with Meta's error fields and what to do about it. */
export class GraphApiError extends Error {
  readonly code: number | null;
  readonly subcode: number | null;
  /** null when no HTTP answer arrived (network failure, timeout). */
  readonly httpStatus: number | null;
  /** error.error_data.details: Meta's most specific explanation. */
  readonly details: string | null;
  readonly fbtraceId: string | null;
  readonly category: GraphErrorCategory;
  readonly retryable: boolean;

  constructor(init: GraphApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "GraphApiError";
    this.code = init.code;
    this.subcode = init.subcode ?? null;
    this.httpStatus = init.httpStatus;
    this.details = init.details ?? null;
    this.fbtraceId = init.fbtraceId ?? null;
    const { category, retryable } = classifyGraphError(init.code, init.httpStatus);
    this.category = category;
    this.retryable = retryable;
  }
}

/** Downloaded media whose bytes do not hash to what Meta announced: corrupted or not the file we asked for. */
export class MediaIntegrityError extends Error {
  constructor(
    public readonly expectedSha256: string,
    public readonly actualSha256Hex: string,
  ) {
    super(`Media sha256 mismatch: expected ${expectedSha256}, got ${actualSha256Hex}`);
    this.name = "MediaIntegrityError";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Wire shapes

const NumericCode = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** Meta's error envelope: { error: { message, type, code, error_subcode, error_data: { details }, fbtrace_id } }. */
const GraphErrorEnvelope = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: NumericCode.optional(),
    error_subcode: NumericCode.optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional().catch(undefined),
    fbtrace_id: z.string().optional(),
  }),
});

const SendResponse = z.looseObject({
  messaging_product: z.string().optional(),
  contacts: z.array(z.looseObject({ input: z.string().optional(), wa_id: z.string().optional() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1) })).min(1),
});

const SuccessResponse = z.looseObject({ success: z.boolean() });

/** GET /{phone_number_id}: what Meta says about a business number. */
const PhoneNumberResponse = z.looseObject({
  id: z.string().optional(),
  display_phone_number: z.string().min(1),
  verified_name: z.string().min(1),
  quality_rating: z.string().optional(),
  messaging_limit_tier: z.string().optional(),
});

const MediaInfoResponse = z.looseObject({
  url: z.string().min(1),
  mime_type: z.string(),
  sha256: z.string(),
  file_size: NumericCode,
  id: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Client

export interface GraphClientOptions {
  /** e.g. https://graph.facebook.com (WHATSAPP_GRAPH_API_URL) */
  baseUrl: string;
  /** e.g. v23.0 (WHATSAPP_API_VERSION) */
  apiVersion: string;
  phoneNumberId: string;
  accessToken: string;
  fetch?: typeof fetch;
  /** Per call, covering the whole answer including its body. Default 15 s. */
  timeoutMs?: number;
}

export interface SendResult {
  /** The WhatsApp message id; statuses in later webhooks refer to it. */
  wamid: string;
}

export interface MediaInfo {
  /** Short-lived (about 5 minutes) and only readable with the access token. */
  url: string;
  mime_type: string;
  /** Hex in this answer (the webhook's copy is base64); downloadMedia accepts either. */
  sha256: string;
  file_size: number;
}

export interface PhoneNumberInfo {
  /** As Meta shows it, e.g. "+62 811-1100-0001". */
  displayPhoneNumber: string;
  /** The business name Meta approved for the number. */
  verifiedName: string;
  /** GREEN, YELLOW, RED or UNKNOWN. */
  qualityRating: string | null;
  /** TIER_250, TIER_1K, TIER_10K, TIER_100K or TIER_UNLIMITED. */
  messagingLimitTier: string | null;
}

/** The fields asked for in a number lookup. */
export const PHONE_NUMBER_FIELDS = "display_phone_number,verified_name,quality_rating,messaging_limit_tier";

export type ImageSource = { link: string; caption?: string } | { id: string; caption?: string };

export type TemplateParameter =
  | { type: "text"; text: string; parameter_name?: string }
  | { type: "currency"; currency: { fallback_value: string; code: string; amount_1000: number } }
  | { type: "date_time"; date_time: { fallback_value: string } }
  | { type: "image"; image: { link: string } | { id: string } }
  | { type: "video"; video: { link: string } | { id: string } }
  | { type: "document"; document: ({ link: string } | { id: string }) & { filename?: string } }
  | { type: "payload"; payload: string };

export interface TemplateComponent {
  type: "header" | "body" | "button";
  sub_type?: "quick_reply" | "url";
  index?: number | string;
  parameters?: TemplateParameter[];
}

const DEFAULT_TIMEOUT_MS = 15_000;
// WhatsApp's largest media (documents) is 100 MB; anything bigger is not a WhatsApp file.
const MAX_MEDIA_BYTES = 100 * 1024 * 1024;
// Meta's media host has answered requests without a User-Agent with an HTML page instead of the file.
const USER_AGENT = "autolumiku-whatsapp/1.0";

interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

export class GraphClient {
  private readonly baseUrl: string;
  private readonly apiVersion: string;
  private readonly phoneNumberId: string;
  private readonly accessToken: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: GraphClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.apiVersion = options.apiVersion;
    this.phoneNumberId = options.phoneNumberId;
    this.accessToken = options.accessToken;
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(this.timeoutMs > 0)) throw new RangeError(`timeoutMs must be positive, got ${this.timeoutMs}`);
    // Fail at construction, not at the first send, when the base URL is not a URL.
    if (!URL.canParse(this.baseUrl)) throw new RangeError(`baseUrl is not a URL: ${options.baseUrl}`);
  }

  /** A text message of at most 4,096 characters (split longer replies with splitText first). */
  async sendText(to: string, body: string, options: { previewUrl?: boolean } = {}): Promise<SendResult> {
    assertTextBody(body);
    return this.sendMessage(to, "text", { body, preview_url: options.previewUrl ?? false });
  }

  async sendImage(to: string, image: ImageSource): Promise<SendResult> {
    if (image.caption !== undefined) assertCaption(image.caption);
    return this.sendMessage(to, "image", image);
  }

  /** Up to three reply buttons; the tapped button comes back as an interactive button_reply with its id. */
  async sendButtons(to: string, body: string, buttons: readonly ReplyButton[]): Promise<SendResult> {
    assertReplyButtons(body, buttons);
    return this.sendMessage(to, "interactive", {
      type: "button",
      body: { text: body },
      action: {
        buttons: buttons.map((button) => ({ type: "reply", reply: { id: button.id, title: button.title } })),
      },
    });
  }

  /** A list behind a button labelled `buttonText`; at most ten rows in all. */
  async sendList(
    to: string,
    body: string,
    buttonText: string,
    sections: readonly ListSection[],
  ): Promise<SendResult> {
    assertList(body, buttonText, sections);
    return this.sendMessage(to, "interactive", {
      type: "list",
      body: { text: body },
      action: { button: buttonText, sections: sections.map(listSectionPayload) },
    });
  }

  /** An approved template: the only kind of message allowed outside the 24-hour customer-service window. */
  async sendTemplate(
    to: string,
    name: string,
    languageCode: string,
    components?: readonly TemplateComponent[],
  ): Promise<SendResult> {
    const template: Record<string, unknown> = { name, language: { code: languageCode } };
    if (components !== undefined && components.length > 0) template.components = components;
    return this.sendMessage(to, "template", template);
  }

  /** Blue ticks on an inbound message (and the ones before it); `typing` also shows "typing…" for up to 25 s. */
  async markRead(messageId: string, options: { typing?: boolean } = {}): Promise<void> {
    const payload: Record<string, unknown> = {
      messaging_product: "whatsapp",
      status: "read",
      message_id: messageId,
    };
    if (options.typing === true) payload.typing_indicator = { type: "text" };
    const answer = await this.callJson("POST", this.messagesUrl(), payload);
    const parsed = SuccessResponse.safeParse(answer.json);
    if (!parsed.success || !parsed.data.success)
      throw unexpectedAnswer(answer.status, "mark read was not confirmed");
  }

  /** This client's number as Meta describes it; proves at once that the id exists and the token may use it. */
  async getPhoneNumber(): Promise<PhoneNumberInfo> {
    const url = `${this.baseUrl}/${this.apiVersion}/${encodeURIComponent(this.phoneNumberId)}?fields=${PHONE_NUMBER_FIELDS}`;
    const answer = await this.callJson("GET", url);
    const parsed = PhoneNumberResponse.safeParse(answer.json);
    if (!parsed.success)
      throw unexpectedAnswer(answer.status, "number lookup without display_phone_number or verified_name");
    return {
      displayPhoneNumber: parsed.data.display_phone_number,
      verifiedName: parsed.data.verified_name,
      qualityRating: parsed.data.quality_rating ?? null,
      messagingLimitTier: parsed.data.messaging_limit_tier ?? null,
    };
  }

  /** Subscribes this app to the WhatsApp Business Account's webhooks (messages and statuses of its numbers). */
  async subscribeApp(wabaId: string): Promise<void> {
    const answer = await this.callJson(
      "POST",
      `${this.baseUrl}/${this.apiVersion}/${encodeURIComponent(wabaId)}/subscribed_apps`,
    );
    const parsed = SuccessResponse.safeParse(answer.json);
    if (!parsed.success || !parsed.data.success)
      throw unexpectedAnswer(answer.status, "subscription was not confirmed");
  }

  /** Where to download an inbound media id from (the URL expires in about five minutes) and what to expect there. */
  async getMediaInfo(mediaId: string): Promise<MediaInfo> {
    const answer = await this.callJson(
      "GET",
      `${this.baseUrl}/${this.apiVersion}/${encodeURIComponent(mediaId)}`,
    );
    const parsed = MediaInfoResponse.safeParse(answer.json);
    if (!parsed.success)
      throw unexpectedAnswer(answer.status, "media info without url, mime_type, sha256 or file_size");
    const { url, mime_type, sha256, file_size } = parsed.data;
    return { url, mime_type, sha256, file_size };
  }

  /**
   * The media bytes behind a URL from getMediaInfo. The access token goes along, so only https URLs (or the Graph
   * API's own origin, for local fakes) are fetched. When `expectedSha256` (hex or base64) is given, the bytes must match.
   */
  async downloadMedia(url: string, expectedSha256?: string): Promise<Buffer> {
    this.assertSafeMediaUrl(url);
    // Decoded before the download so a malformed hash fails at once rather than after fetching 100 MB.
    const expected =
      expectedSha256 === undefined ? null : { text: expectedSha256, digest: decodeSha256(expectedSha256) };
    const answer = await this.call("GET", url, undefined, MAX_MEDIA_BYTES);
    if (answer.status < 200 || answer.status >= 300) throw errorFromAnswer(answer);
    if (expected !== null) {
      const actual = createHash("sha256").update(answer.body).digest();
      if (!actual.equals(expected.digest))
        throw new MediaIntegrityError(expected.text, actual.toString("hex"));
    }
    return answer.body;
  }

  private messagesUrl(): string {
    return `${this.baseUrl}/${this.apiVersion}/${encodeURIComponent(this.phoneNumberId)}/messages`;
  }

  /** Sends a message body the outbox stored earlier (already checked against the limits when queued). */
  async sendMessage(to: string, type: string, content: unknown): Promise<SendResult> {
    const payload = {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type,
      [type]: content,
    };
    const answer = await this.callJson("POST", this.messagesUrl(), payload);
    const parsed = SendResponse.safeParse(answer.json);
    // Not retryable: the message may well have gone out, and a retry would send it twice.
    if (!parsed.success) throw unexpectedAnswer(answer.status, "send answered without messages[0].id");
    const [first] = parsed.data.messages;
    if (first === undefined) throw unexpectedAnswer(answer.status, "send answered without messages[0].id");
    return { wamid: first.id };
  }

  private async callJson(
    method: "GET" | "POST",
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const answer = await this.call(method, url, payload, Number.POSITIVE_INFINITY);
    if (answer.status < 200 || answer.status >= 300) throw errorFromAnswer(answer);
    const json = parseJson(answer.body);
    if (json === undefined) throw unexpectedAnswer(answer.status, "answer is not JSON");
    return { status: answer.status, json };
  }

  // One timer covers connecting, the headers and the whole body, so a stalled download cannot hang a worker.
  private async call(
    method: "GET" | "POST",
    url: string,
    payload: unknown,
    maxBytes: number,
  ): Promise<HttpAnswer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.accessToken}`,
      "user-agent": USER_AGENT,
    };
    if (payload !== undefined) headers["content-type"] = "application/json";
    try {
      const response = await this.fetchImpl(url, {
        method,
        headers,
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: controller.signal,
      });
      assertWithinSize(response.headers, maxBytes);
      const body = Buffer.from(await response.arrayBuffer());
      if (body.length > maxBytes) throw tooLarge(body.length, maxBytes);
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (error instanceof GraphApiError) throw error;
      if (controller.signal.aborted) {
        throw new GraphApiError({
          message: `${method} ${redactUrl(url)} timed out after ${this.timeoutMs} ms`,
          code: null,
          httpStatus: null,
          cause: error,
        });
      }
      throw new GraphApiError({
        message: `${method} ${redactUrl(url)} failed: ${describe(error)}`,
        code: null,
        httpStatus: null,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  private assertSafeMediaUrl(url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`Not a media URL: ${redactUrl(url)}`);
    }
    const sameOriginAsGraph = parsed.origin === new URL(this.baseUrl).origin;
    if (parsed.protocol !== "https:" && !sameOriginAsGraph) {
      throw new Error(
        `Refusing to send the WhatsApp access token to ${parsed.origin}: media URLs must be https`,
      );
    }
  }
}

function listSectionPayload(section: ListSection): Record<string, unknown> {
  const rows = section.rows.map((row) =>
    row.description === undefined
      ? { id: row.id, title: row.title }
      : { id: row.id, title: row.title, description: row.description },
  );
  return section.title === undefined ? { rows } : { title: section.title, rows };
}

function errorFromAnswer(answer: HttpAnswer): GraphApiError {
  const envelope = GraphErrorEnvelope.safeParse(parseJson(answer.body));
  if (!envelope.success) {
    const snippet = answer.body.subarray(0, 200).toString("utf8").trim();
    return new GraphApiError({
      message: `Graph API answered HTTP ${answer.status}${snippet === "" ? "" : `: ${snippet}`}`,
      code: null,
      httpStatus: answer.status,
    });
  }
  const { error } = envelope.data;
  return new GraphApiError({
    message: error.message ?? `Graph API answered HTTP ${answer.status}`,
    code: error.code ?? null,
    subcode: error.error_subcode ?? null,
    httpStatus: answer.status,
    details: error.error_data?.details ?? null,
    fbtraceId: error.fbtrace_id ?? null,
  });
}

function unexpectedAnswer(status: number, what: string): GraphApiError {
  return new GraphApiError({
    message: `Unexpected Graph API answer (HTTP ${status}): ${what}`,
    code: null,
    httpStatus: status,
  });
}

function assertWithinSize(headers: Headers, maxBytes: number): void {
  const declared = Number(headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared, maxBytes);
}

function tooLarge(size: number, maxBytes: number): GraphApiError {
  return new GraphApiError({
    message: `Answer of ${size} bytes exceeds the ${maxBytes}-byte limit`,
    code: null,
    httpStatus: 200,
  });
}

function parseJson(body: Buffer): unknown {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    return parsed;
  } catch {
    return undefined;
  }
}

/** A sha256 given as 64 hex characters (media endpoint) or base64 (webhook payloads), as its 32 raw bytes. */
function decodeSha256(value: string): Buffer {
  const trimmed = value.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (/^[A-Za-z0-9+/]{43}=?$/.test(trimmed) || /^[A-Za-z0-9_-]{43}$/.test(trimmed)) {
    const decoded = Buffer.from(
      trimmed,
      trimmed.includes("-") || trimmed.includes("_") ? "base64url" : "base64",
    );
    if (decoded.length === 32) return decoded;
  }
  throw new RangeError(`expectedSha256 is neither 64 hex characters nor base64 of 32 bytes: ${value}`);
}

// Media URLs carry signed query parameters; keep them out of error messages and logs.
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(invalid url)";
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
