// Issue 12's sign-in findings, written as the attacks, over next-auth's real route handler: anyone
// could lock any account (super admins' too), the answers told which e-mail addresses have an
// account, and one address could try a password on every account without limit. Now: a delay for
// the guessing address only, one generic answer whatever the address typed, and a per-address cap
// answered 429 with Retry-After in the visitor's language.
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeTenant, makeUser } from "../support/factories";
import { behindProxy, cookieJar } from "../support/framework";
import { signInOverHttp } from "../support/sign-in-http";

vi.setConfig({ testTimeout: 60_000 });

const WRONG = "not-the-password";
afterAll(() => undefined);

/** Drops the wait from a rate-limited reason, so two answers can be compared whatever the clock did. */
const shape = (answer: Awaited<ReturnType<typeof signInOverHttp>>) => ({
  status: answer.status,
  error: answer.error?.replace(/:\d+$/, ":N") ?? null,
  message: answer.message?.replace(/\d+/g, "N") ?? null,
  retryAfter: answer.retryAfter === null ? null : "N",
});

describe("signing in under attack (issue 12)", () => {
  it("never lets a stranger lock an account: the owner signs in from elsewhere while the guesses are slowed down", async () => {
    const tenantId = (await makeTenant()).id;
    const owner = await makeUser({ tenantId, role: "owner" });
    const superAdmin = await makeUser({ role: "super_admin" });
    for (const [victim, area] of [
      [owner, "dashboard"],
      [superAdmin, "admin"],
    ] as const) {
      cookieJar().clear();
      behindProxy("203.0.113.10");
      const first = [];
      for (let attempt = 0; attempt < 5; attempt += 1)
        first.push((await signInOverHttp({ email: victim.email, password: WRONG, area })).status);
      expect(first).toEqual([401, 401, 401, 401, 401]);
      // A burst after that: at most one guess gets through (when the delay had passed), the rest wait.
      const burst = await Promise.all(
        Array.from({ length: 7 }, () => signInOverHttp({ email: victim.email, password: WRONG, area })),
      );
      expect(burst.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(6);
      expect(burst.find((answer) => answer.status === 429)?.retryAfter).toMatch(/^\d+$/);
      // Even the right password waits at the guessing address: a delay is no oracle.
      expect((await signInOverHttp({ email: victim.email, password: victim.password, area })).status).toBe(
        429,
      );

      behindProxy("198.51.100.77");
      cookieJar().clear();
      const theOwner = await signInOverHttp({ email: victim.email, password: victim.password, area });
      expect({ status: theOwner.status, signedIn: theOwner.signedIn, error: theOwner.error }).toEqual({
        status: 200,
        signedIn: true,
        error: null,
      });
    }
  });

  it("answers an address with an account exactly like one without, attempt after attempt", async () => {
    const tenantId = (await makeTenant()).id;
    const sales = await makeUser({ tenantId, role: "sales" });
    const run = async (email: string, ip: string) => {
      behindProxy(ip);
      const answers = [];
      for (let attempt = 0; attempt < 5; attempt += 1)
        answers.push(shape(await signInOverHttp({ email, password: WRONG })));
      const burst = await Promise.all(
        Array.from({ length: 4 }, () => signInOverHttp({ email, password: WRONG })),
      );
      return { answers, burst: burst.map(shape) };
    };
    const existing = await run(sales.email, "203.0.113.21");
    const missing = await run(`nobody-${Date.now()}@example.test`, "203.0.113.22");
    expect(existing.answers).toEqual(missing.answers);
    expect(existing.answers[0]).toEqual({
      status: 401,
      error: "invalid_credentials",
      message: null,
      retryAfter: null,
    });
    // The burst may or may not catch one guess after the delay; every answer is one of the same two.
    const kinds = (answers: ReturnType<typeof shape>[]) => [
      ...new Set(answers.map((answer) => JSON.stringify(answer))),
    ];
    const limited = JSON.stringify({
      status: 429,
      error: "rate_limited:N",
      message: "Terlalu banyak percobaan masuk. Coba lagi dalam N detik.",
      retryAfter: "N",
    });
    const generic = JSON.stringify(existing.answers[0]);
    for (const answers of [existing.burst, missing.burst]) {
      expect(kinds(answers)).toContain(limited);
      expect(kinds(answers).every((kind) => kind === limited || kind === generic)).toBe(true);
    }
    expect(JSON.stringify([existing, missing])).not.toMatch(/locked|dikunci/);
  });

  it("stops password spraying from one address across many accounts, in the visitor's language", async () => {
    const tenantId = (await makeTenant()).id;
    const real = await Promise.all([1, 2, 3].map(() => makeUser({ tenantId, role: "sales" })));
    const targets = [
      ...real.map((user) => user.email),
      ...Array.from({ length: 22 }, (_, index) => `spray-${index}-${Date.now()}@example.test`),
    ];
    behindProxy("203.0.113.40");
    const statuses = [];
    for (const email of targets)
      statuses.push((await signInOverHttp({ email, password: "Password123" })).status);
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);

    const refused = await signInOverHttp({ email: real[0]?.email ?? "", password: real[0]?.password ?? "" });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.message).toMatch(/^Terlalu banyak percobaan masuk\. Coba lagi dalam \d+ (detik|menit)\.$/);
    cookieJar().set("locale", "en");
    const english = await signInOverHttp({ email: real[1]?.email ?? "", password: "Password123" });
    expect(english.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ (seconds|minutes)\.$/);

    // Everyone else is unaffected.
    behindProxy("198.51.100.41");
    expect(
      await signInOverHttp({ email: real[0]?.email ?? "", password: real[0]?.password ?? "" }),
    ).toMatchObject({
      status: 200,
      signedIn: true,
    });
  });
});
