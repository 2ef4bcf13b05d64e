// Loopback endpoint the CLI and out-of-process workers use to expire catalog cache tags; signed
// with a key derived from AUTH_SECRET, so nobody else can flush the cache.
import { z } from "zod";
import { expireTagsHere, REVALIDATE_SIGNATURE_HEADER, verifyRevalidation } from "@/lib/catalog/revalidate";
import { readBodyWithin } from "@/lib/core/request-body";

const Body = z.object({ tags: z.array(z.string().min(1).max(200)).min(1).max(50) });

export async function POST(request: Request): Promise<Response> {
  // Fifty tags fit in a few KB; the body is read (within that) before the signature can be checked.
  const body = await readBodyWithin(request, 64 * 1024);
  if (!body) return Response.json({ error: "too_large", message: "Body over 64 KB" }, { status: 413 });
  const text = body.toString("utf8");
  if (!verifyRevalidation(text, request.headers.get(REVALIDATE_SIGNATURE_HEADER))) {
    return Response.json({ error: "unauthorized", message: "Bad or missing signature" }, { status: 401 });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return Response.json({ error: "invalid", message: "Body must be JSON" }, { status: 400 });
  }
  const parsed = Body.safeParse(json);
  if (!parsed.success)
    return Response.json({ error: "invalid", message: "Expected { tags: string[] }" }, { status: 400 });
  expireTagsHere(parsed.data.tags);
  return Response.json({ revalidated: parsed.data.tags });
}
