// One buyer message, answered by the showroom's LLM when it has one (and a key, budget and rate
// left), by the local engine otherwise or whenever the LLM's reply is refused or its provider fails.
import "server-only";
import type { RecordedCall } from "@/lib/assistant/llm/calls";
import { composeLlmReply, type LlmReply } from "@/lib/assistant/llm/engine";
import { composeLocalReply } from "@/lib/assistant/local/engine";
import type { ReplyOptions } from "@/lib/assistant/reply";
import type { Tx } from "@/lib/core/db/client";

export type { CallOutcome, RecordedCall } from "@/lib/assistant/llm/calls";

export interface ComposeResult extends LlmReply {
  /** Which engine wrote the reply. */
  engine: "llm" | "local";
  calls: RecordedCall[];
}

export async function composeReply(tx: Tx, options: ReplyOptions): Promise<ComposeResult> {
  const calls: RecordedCall[] = [];
  const llm = await composeLlmReply(tx, options, calls);
  if (llm) return { ...llm, engine: "llm", calls };
  const local = await composeLocalReply(tx, options);
  return { ...local, engine: "local", calls, photos: [], handoffDone: false };
}
