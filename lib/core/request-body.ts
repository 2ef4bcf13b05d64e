// Request bodies with a size limit, enforced twice: a declared Content-Length over the limit is
// refused before a byte is read, and a body that declares nothing (chunked) or lies is cut off as
// soon as it passes the limit, never buffered whole. The proxy does not run on /api (proxy.ts), so
// nothing reads an API body before its route decides.
import { z } from "zod";

/** Webhooks from Meta are small JSON; 1 MB is far above any real one. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/** Route handlers that take JSON or form fields but no files. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const ContentLength = z.coerce.number().int().nonnegative();

/** The body size the client declared, or null when it declared none (or nonsense). */
export function declaredBodyBytes(request: Request): number | null {
  const header = request.headers.get("content-length");
  if (header === null) return null;
  const parsed = ContentLength.safeParse(header);
  return parsed.success ? parsed.data : null;
}

/** True when the declared size alone is over the limit: answer 413 without reading anything. */
export function declaresTooMuch(request: Request, maxBytes: number): boolean {
  return (declaredBodyBytes(request) ?? 0) > maxBytes;
}

/** "1 MB", "15 MB", "512 KB": the limit as a person reads it. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** The whole body, or null once it passed `maxBytes` (the rest is not read). */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (declaresTooMuch(request, maxBytes)) return null;
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let seen = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, seen);
    seen += value.byteLength;
    if (seen > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

/**
 * The same request with a body that fails as soon as it passes `maxBytes`, for readers we do not
 * write ourselves (formData, json); `exceeded()` says afterwards whether that is why they failed.
 */
export function limitBody(request: Request, maxBytes: number): { request: Request; exceeded: () => boolean } {
  if (!request.body) return { request, exceeded: () => false };
  let seen = 0;
  let exceeded = false;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          exceeded = true;
          controller.error(new Error(`request body over ${maxBytes} bytes`));
        } else controller.enqueue(chunk);
      },
    }),
  );
  // Node's fetch needs `duplex` for a streamed request body; TypeScript's DOM types lack it.
  const init: RequestInit & { duplex: "half" } = {
    method: request.method,
    headers: request.headers,
    body: counted,
    signal: request.signal,
    duplex: "half",
  };
  return { request: new Request(request.url, init), exceeded: () => exceeded };
}
