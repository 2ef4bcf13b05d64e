// The client's address from X-Forwarded-For: nothing trusted without a proxy, the N-th from the
// right behind N proxies, and nothing that is not an address.
import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/core/client-ip";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("client address", () => {
  it("ignores the header when no proxy is trusted, whatever it says", () => {
    expect(clientIp(forwarded("203.0.113.5"), 0)).toBeNull();
    expect(clientIp(forwarded("6.6.6.6, 203.0.113.5"), 0)).toBeNull();
  });

  it("takes the N-th address from the right behind N proxies, so a forged prefix is skipped", () => {
    expect(clientIp(forwarded("6.6.6.6, 203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientIp(forwarded("6.6.6.6,203.0.113.5, 10.0.0.2"), 2)).toBe("203.0.113.5");
    expect(clientIp(forwarded("2001:db8::1"), 1)).toBe("2001:db8::1");
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }, 1)).toBe("198.51.100.7");
  });

  it("answers null for a chain shorter than the proxies, a missing header, or garbage", () => {
    expect(clientIp(forwarded("203.0.113.5"), 2)).toBeNull();
    expect(clientIp(new Headers(), 1)).toBeNull();
    expect(clientIp(forwarded("<script>"), 1)).toBeNull();
    expect(clientIp(undefined, 1)).toBeNull();
  });
});
