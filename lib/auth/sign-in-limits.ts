// How often one may try to sign in, replacing the old account lockout (which anyone who knew an
// e-mail address could trigger against its owner). Two limits, both on what was typed, so an
// address nobody uses is treated exactly like a real account (nothing to enumerate):
// - per account *and* address: RATE_LIMIT_SIGNIN_ACCOUNT failures go through, then each further
//   try waits 1 s, 2 s, 4 s, ... (at most the window). Someone guessing from elsewhere never slows
//   the owner down, and the right password from an address ends that address's delay.
// - per address, whatever the accounts: RATE_LIMIT_SIGNIN_ADDRESS failures per window (password
//   spraying: one password tried on many accounts).
// An attempt is counted before the password is checked (parallel guesses cannot slip past) and
// given back when it was right, so signing in successfully never uses up a limit.
import "server-only";
import { getEnv } from "@/lib/core/env";
import {
  addressSubject,
  clearRateLimit,
  type RateDecision,
  type RateLimitRule,
  releaseRateLimit,
  rule,
  takeRateLimit,
  touchRateLimit,
} from "@/lib/core/rate-limit";

function rules(): { account: RateLimitRule; address: RateLimitRule } {
  const env = getEnv();
  return {
    account: rule("signin-account", env.RATE_LIMIT_SIGNIN_ACCOUNT, { progressive: true }),
    address: rule("signin-address", env.RATE_LIMIT_SIGNIN_ADDRESS),
  };
}

export interface SignInAttempt {
  decision: RateDecision;
  /** The password was right: the address's delay for this account ends and its try is given back. */
  passed(): Promise<void>;
  /** The password was wrong: the next try from this address waits from now. */
  failed(): Promise<void>;
}

export async function beginSignInAttempt(input: {
  email: string;
  ip?: string | null;
}): Promise<SignInAttempt> {
  const { account, address } = rules();
  const from = addressSubject(input.ip);
  const accountFrom = `${input.email}\0${from}`;
  const passed = async () => {
    await clearRateLimit(account, accountFrom);
    await releaseRateLimit(address, from);
  };
  const failed = () => touchRateLimit(account, accountFrom);
  const forAccount = await takeRateLimit(account, accountFrom);
  if (!forAccount.allowed) return { decision: forAccount, passed, failed };
  const forAddress = await takeRateLimit(address, from);
  // Refused by the address: this try never happened for the account either.
  if (!forAddress.allowed) await releaseRateLimit(account, accountFrom);
  return { decision: forAddress, passed, failed };
}
