// Serves stored photo variants. Keys embed a random photo id and never change, so they are cached forever.
// Private keys (buyers' WhatsApp media) are never served here: staff read them through
// /api/dashboard/inbox/media/{messageId}, which checks the session and the showroom.

import { DomainError } from "@/lib/core/errors";
import { getStorage, isPrivateKey } from "@/lib/storage";

const notFound = () => Response.json({ error: "not_found", message: "No such file" }, { status: 404 });

export async function GET(
  _request: Request,
  context: { params: Promise<{ key: string[] }> },
): Promise<Response> {
  const { key } = await context.params;
  const path = key.join("/");
  if (isPrivateKey(path)) return notFound();
  try {
    const object = await getStorage().get(path);
    if (!object) return notFound();
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
