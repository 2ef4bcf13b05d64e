// The reason a refused sign-in carries through next-auth (which only passes a string in its error
// URL): a rate limit is "rate_limited:<seconds>". Read by the sign-in route and the sign-in form.
const PREFIX = "rate_limited:";

export function rateLimitedReason(retryAfterSeconds: number): string {
  return `${PREFIX}${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The wait in seconds when `reason` is a rate limit, else null. */
export function retryAfterOf(reason: string | null | undefined): number | null {
  if (!reason?.startsWith(PREFIX)) return null;
  const seconds = Number(reason.slice(PREFIX.length));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
}
