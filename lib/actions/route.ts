// How a route handler hands a request to the action client: the input from the query, the body
// (JSON or form data) and the route's params; uploads refused by size before they are read.
import "server-only";
import type { MessageKey, Translate } from "@/lib/core/i18n/messages";
import { DEFAULT_BODY_LIMIT, formatBytes } from "@/lib/core/request-body";

export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

export interface RouteOptions<T> {
  /**
   * Uploads: bodies larger than this are refused with 413 (the message names `field`). Every other
   * route takes at most DEFAULT_BODY_LIMIT (lib/core/request-body.ts).
   */
  maxBody?: { bytes: number; message: MessageKey; field: string };
  /** The success response (a download, a DTO); JSON of the result otherwise. */
  respond?: (data: T) => Response | Promise<Response>;
}

export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** Methods that change nothing; every other one needs a request from our own pages. */
export function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function readBody(request: Request): Promise<unknown> {
  if (isSafeMethod(request.method) || !request.body) return {};
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("multipart/form-data") || type.includes("application/x-www-form-urlencoded"))
      return Object.fromEntries(await request.formData());
    return await request.json();
  } catch {
    return null;
  }
}

/** Query, then body, then route params: a body can never override the id in the URL. */
export async function readRouteInput(request: Request, context: RouteContext | undefined): Promise<unknown> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const body = await readBody(request);
  const params = (await context?.params) ?? {};
  return isRecord(body) ? { ...query, ...body, ...params } : { ...query, ...params, body };
}

export async function successResponse<T>(data: T, options: RouteOptions<T>): Promise<Response> {
  if (!options.respond) return Response.json(data, { headers: NO_STORE });
  const response = await options.respond(data);
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  return response;
}

/** The body limit of a route: its upload limit, or the default for JSON and form fields. */
export function bodyLimitOf<T>(options: RouteOptions<T>): number {
  return options.maxBody?.bytes ?? DEFAULT_BODY_LIMIT;
}

/** 413 in the user's language, naming the upload field when there is one. */
export function bodyTooLargeResponse<T>(t: Translate, options: RouteOptions<T>): Response {
  const message = options.maxBody
    ? t(options.maxBody.message)
    : t("inputs.body.tooLarge", { n: formatBytes(DEFAULT_BODY_LIMIT) });
  const fieldErrors = options.maxBody ? { [options.maxBody.field]: [message] } : undefined;
  return Response.json({ error: "invalid", message, fieldErrors }, { status: 413, headers: NO_STORE });
}
