// send_photos: queues one car's photos to the buyer through the outbox (or hands them back to the
// caller when the turn has no conversation).
import "server-only";
import { assistantTool } from "@/lib/assistant/llm/tools/tool";
import { absoluteUrl, findListed, type PhotoToSend } from "@/lib/assistant/llm/tools/turn";
import { VehicleRef } from "@/lib/assistant/llm/tools/vehicle-ref";
import { readVariants } from "@/lib/images/photos";
import { getStorage } from "@/lib/storage";
import { queueOutbound } from "@/lib/whatsapp/outbox";

const MAX_PHOTOS = 5;

export const sendPhotosTool = assistantTool({
  name: "send_photos",
  description:
    "Send the buyer the photos of one car (by stock code or slug) on WhatsApp. Returns how many photos will be sent.",
  input: VehicleRef,
  async execute(args, { tx, context, effects, show }) {
    const vehicle = await findListed(tx, args);
    const summary = show(vehicle);
    const rows = await tx.vehiclePhoto.findMany({
      where: { vehicleId: vehicle.id },
      orderBy: [{ isMain: "desc" }, { position: "asc" }],
      take: MAX_PHOTOS,
    });
    if (rows.length === 0)
      return { sent: 0, link: summary.link, note: "This car has no photos yet; give the buyer the link." };
    const storage = getStorage();
    const photos: PhotoToSend[] = rows.map((row, index) => {
      const webp = readVariants(row.variants).filter((variant) => variant.format === "webp");
      // WhatsApp fetches the link itself and rejects large images: the 1024-ish variant, not the original.
      const best = webp.find((variant) => variant.width >= 960) ?? webp.at(-1);
      return {
        stockCode: vehicle.stockCode,
        url: absoluteUrl(storage.publicUrl(best?.key ?? row.storageKey)),
        caption: index === 0 ? `${summary.title} · ${summary.priceText}` : "",
      };
    });
    if (!context.conversation) {
      effects.photos.push(...photos);
      return { sent: photos.length, stockCode: vehicle.stockCode, link: summary.link };
    }
    for (const [index, photo] of photos.entries()) {
      await queueOutbound(tx, {
        tenantId: context.tenantId,
        conversationId: context.conversation.id,
        idempotencyKey: `photos:${context.conversation.messageId}:${vehicle.stockCode}:${index}`,
        request: {
          type: "image",
          content: { link: photo.url, ...(photo.caption ? { caption: photo.caption } : {}) },
        },
        preview: photo.caption || `[foto ${vehicle.stockCode}]`,
        sender: "assistant",
      });
    }
    return { sent: photos.length, stockCode: vehicle.stockCode, link: summary.link };
  },
});
