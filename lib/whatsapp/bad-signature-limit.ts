// The webhook's abuse limit: requests with a bad or missing signature, per address
// (RATE_LIMIT_WEBHOOK_BAD_SIGNATURE). An address past it is answered 429 before its body is read;
// an address that never sends a bad signature (Meta's) is never slowed down.
import "server-only";
import { clientIp } from "@/lib/core/client-ip";
import { getEnv } from "@/lib/core/env";
import { RateLimited } from "@/lib/core/errors";
import { addressSubject, peekRateLimit, type RateDecision, rule, takeRateLimit } from "@/lib/core/rate-limit";

const limit = () => rule("webhook-bad-signature", getEnv().RATE_LIMIT_WEBHOOK_BAD_SIGNATURE);

function refuseUnless(decision: RateDecision): void {
  if (!decision.allowed) throw new RateLimited(decision.retryAfterSeconds, "limits.webhook");
}

/** Throws RateLimited when this address has sent too many bad signatures lately. */
export async function refuseAddressWithBadSignatures(headers: Headers): Promise<void> {
  refuseUnless(await peekRateLimit(limit(), addressSubject(clientIp(headers))));
}

/** Counts a bad signature; throws RateLimited when it was one too many. */
export async function countBadSignature(headers: Headers): Promise<void> {
  refuseUnless(await takeRateLimit(limit(), addressSubject(clientIp(headers))));
}
