// Serves stored photo variants. Keys embed a random photo id and never change, so they are cached forever.

import { DomainError } from "@/lib/core/errors";
import { getStorage } from "@/lib/storage";

export async function GET(
  _request: Request,
  context: { params: Promise<{ key: string[] }> },
): Promise<Response> {
  const { key } = await context.params;
  try {
    const object = await getStorage().get(key.join("/"));
    if (!object) return Response.json({ error: "not_found", message: "No such file" }, { status: 404 });
    return new Response(new Uint8Array(object.bytes), {
      headers: {
        "Content-Type": object.contentType,
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError)
      return Response.json({ error: error.code, message: error.message }, { status: 400 });
    throw error;
  }
}
