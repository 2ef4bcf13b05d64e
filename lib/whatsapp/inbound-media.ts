// Buyers' WhatsApp photos and documents, for the staff of their showroom only: the message is read
// in the caller's tenant transaction (another showroom's id is unknown) and within the viewer's
// inbox scope (a salesperson sees theirs and unassigned conversations), then its private file.
import "server-only";
import type { StaffUser } from "@/lib/auth/guards";
import type { Tx } from "@/lib/core/db/client";
import { NotFound } from "@/lib/core/errors";
import { getStorage } from "@/lib/storage";
import { conversationScope } from "@/lib/whatsapp/inbox";

export interface InboundMedia {
  bytes: Buffer;
  contentType: string;
  kind: "image" | "document";
  filename: string;
}

export async function readInboundMedia(
  tx: Tx,
  user: Pick<StaffUser, "id" | "role">,
  messageId: string,
): Promise<InboundMedia> {
  const message = await tx.waMessage.findFirst({
    where: { id: messageId, direction: "inbound", conversation: conversationScope(user) },
    select: { mediaKey: true, type: true },
  });
  if (!message?.mediaKey) throw new NotFound("No such media");
  const object = await getStorage().get(message.mediaKey);
  if (!object) throw new NotFound("No such media");
  return {
    bytes: object.bytes,
    contentType: object.contentType,
    kind: message.type === "image" ? "image" : "document",
    filename: message.mediaKey.split("/").at(-1) ?? "media",
  };
}
