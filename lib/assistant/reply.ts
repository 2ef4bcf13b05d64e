// What an engine (local or LLM) is given for one buyer message and what it hands back: the reply
// text and what the turn learnt; sending, the lead and the handoff are the turn's business.
import type { SearchCriteria } from "@/lib/assistant/understand/buyer-message";

export interface ReplyOptions {
  tenantId: string;
  text: string;
  /** The conversation's search so far. */
  previous: SearchCriteria;
  showroomName: string;
  /** The catalog's base URL for this showroom ("https://mobilku.id" or "{APP_URL}/{slug}"). */
  base: string;
  creditRateBps: number;
  now?: Date;
  /** The conversation, when tools may act on it (photos, the lead, a handoff). */
  conversation?: { id: string; messageId: string };
  /** The buyer's WhatsApp contact: their daily LLM turns are counted on it (lib/assistant/buyer-limits.ts). */
  contactId?: string;
  /** The LLM turn's deadline; defaults to AI_TIMEOUT_MS capped at 15 s, leaving the tenant transaction time to fall back. */
  deadlineMs?: number;
}

/** What the buyer told us about themselves, for the lead the turn keeps up to date. */
export interface BuyerFacts {
  name?: string;
  phone?: string;
  budget?: bigint;
  wantsVisit: boolean;
}

export interface BuyerReply {
  reply: string;
  /** Stock codes of the cars the reply offers. */
  offered: string[];
  /** The buyer should be handed to a salesperson. */
  handoff: boolean;
  criteria: SearchCriteria;
  buyer?: BuyerFacts;
}
