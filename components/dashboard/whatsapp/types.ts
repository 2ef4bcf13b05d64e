// What the WhatsApp panel needs from its page: the server actions of the dashboard (the session's
// showroom) or of the console (a named showroom), with the same inputs and answers.
import type { ActionResult } from "@/lib/actions/result";
import type { CheckedNumber } from "@/lib/whatsapp/connect";
import type { TestMessageSent, TestMessageStatus } from "@/lib/whatsapp/test-message";

type Action<I, T> = (input: I) => Promise<ActionResult<T>>;

export interface ConnectFields {
  phoneNumberId: string;
  accessToken: string;
  wabaId: string;
}

export interface WhatsAppActions {
  connect: Action<ConnectFields & Scope, CheckedNumber>;
  disconnect: Action<Scope, { disconnected: boolean }>;
  refresh: Action<Scope, { problem: string | null }>;
  sendTest: Action<{ to: string; clientId: string } & Scope, TestMessageSent>;
  /** Dashboard only: the test message's ticks, polled. */
  testStatus?: Action<{ messageId: string }, TestMessageStatus>;
  /** Dashboard only, offline mode: a number the Graph API stand-in accepts. */
  demoNumber?: Action<Record<string, never>, { phoneNumberId: string; accessToken: string } | null>;
}

/** The console names the showroom in every input; the dashboard never does (the session does). */
export type Scope = { tenantId?: string };
