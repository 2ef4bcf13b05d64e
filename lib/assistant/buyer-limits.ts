// The assistant's limits per buyer (one WhatsApp contact of one showroom), so one number cannot use
// up a showroom's AI rate and budget or keep the assistant busy:
// - messages answered per window (RATE_LIMIT_BUYER_MESSAGES): past it, one polite "please wait",
//   then silence until the window has passed. Every message stays stored for the inbox either way.
// - LLM turns per window (RATE_LIMIT_BUYER_LLM_CALLS, a day by default): past it, the local engine
//   answers.
// Counted inside the turn's transaction, so a turn that fails and is retried counts once.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { getEnv } from "@/lib/core/env";
import { rule, takeRateLimit } from "@/lib/core/rate-limit";

export interface Buyer {
  tenantId: string;
  contactId: string;
}

const subjectOf = (buyer: Buyer) => `${buyer.tenantId}\0${buyer.contactId}`;

/** answer: as usual; pause: send the one "please wait" of this window; silent: store, answer nothing. */
export type BuyerPace = "answer" | "pause" | "silent";

export async function paceBuyer(tx: Tx, buyer: Buyer): Promise<BuyerPace> {
  const messages = rule("buyer-messages", getEnv().RATE_LIMIT_BUYER_MESSAGES);
  if ((await takeRateLimit(messages, subjectOf(buyer), tx)).allowed) return "answer";
  const notice = rule("buyer-pause-notice", { limit: 1, windowSeconds: messages.windowSeconds });
  return (await takeRateLimit(notice, subjectOf(buyer), tx)).allowed ? "pause" : "silent";
}

/** Whether this buyer may have another LLM turn today; counts it when so. */
export async function takeBuyerLlmTurn(tx: Tx, buyer: Buyer): Promise<boolean> {
  const turns = rule("buyer-llm-calls", getEnv().RATE_LIMIT_BUYER_LLM_CALLS);
  return (await takeRateLimit(turns, subjectOf(buyer), tx)).allowed;
}
