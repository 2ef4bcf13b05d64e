// What an alert is about, in the words staff read on their phone: the buyer (name and number), the
// car they are interested in, and the dashboard page to open. Read in the showroom's transaction.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { appUrl } from "@/lib/core/env";

export interface Subject {
  /** "Budi Santoso (+6281244440001)" */
  buyer: string;
  /** "Toyota Avanza 1.5 G 2019 (AV-001)", or null when no car is known. */
  car: string | null;
}

const withNumber = (name: string | null, number: string | null) =>
  [name, number ? `(+${number})` : null].filter(Boolean).join(" ") || "?";

type Car = { brand: string; model: string; variant: string | null; year: number; stockCode: string };
const CAR_SELECT = { brand: true, model: true, variant: true, year: true, stockCode: true } as const;

const describeCar = (car: Car | null | undefined) =>
  car
    ? `${[car.brand, car.model, car.variant, car.year].filter(Boolean).join(" ")} (${car.stockCode})`
    : null;

/** An absolute link to a dashboard page, for a message read outside the dashboard. */
export const dashboardUrl = (path: string) => `${appUrl()}${path}`;

export async function leadSubject(tx: Tx, leadId: string): Promise<(Subject & { name: string }) | null> {
  const lead = await tx.lead.findUnique({
    where: { id: leadId },
    select: { name: true, phone: true, vehicle: { select: CAR_SELECT } },
  });
  if (!lead) return null;
  return {
    name: lead.name,
    buyer: withNumber(lead.name, lead.phone || null),
    car: describeCar(lead.vehicle),
  };
}

export interface ConversationSubject extends Subject {
  mode: "assistant" | "human";
  handedOffAt: Date | null;
  assigneeId: string | null;
}

export async function conversationSubject(
  tx: Tx,
  conversationId: string,
): Promise<ConversationSubject | null> {
  const conversation = await tx.waConversation.findUnique({
    where: { id: conversationId },
    select: {
      mode: true,
      handedOffAt: true,
      assigneeId: true,
      contact: { select: { name: true, waId: true } },
      lead: { select: { name: true, vehicle: { select: CAR_SELECT } } },
    },
  });
  if (!conversation) return null;
  const name = conversation.lead?.name ?? conversation.contact.name;
  return {
    buyer: withNumber(name, conversation.contact.waId),
    car: describeCar(conversation.lead?.vehicle),
    mode: conversation.mode,
    handedOffAt: conversation.handedOffAt,
    assigneeId: conversation.assigneeId,
  };
}
