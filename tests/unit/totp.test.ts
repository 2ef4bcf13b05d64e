// Two-factor auth: RFC 4648 / 4226 / 6238 vectors, verification window, replay refusal, enrolment QR, recovery codes.
import { create as createQrCode } from "qrcode";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  base32Decode,
  base32Encode,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  hotp,
  InvalidBase32Error,
  matchRecoveryCode,
  otpauthUri,
  qrCodeSvg,
  RECOVERY_CODE_ALPHABET,
  totpCode,
  totpStep,
  verifyTotp,
} from "@/lib/auth/totp";

const RFC_SECRET_ASCII = "12345678901234567890";
const RFC_SECRET = base32Encode(Buffer.from(RFC_SECRET_ASCII, "ascii"));
const STEP_MS = 30_000;

describe("base32 (RFC 4648 section 10 vectors, unpadded)", () => {
  const vectors: [string, string][] = [
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ];

  it.each(vectors)("encodes %j as %j", (text, encoded) => {
    expect(base32Encode(Buffer.from(text, "ascii"))).toBe(encoded);
  });

  it.each(vectors)("decodes %j from %j", (text, encoded) => {
    expect(base32Decode(encoded).toString("ascii")).toBe(text);
  });

  it("decodes padded, lower-case and spaced forms people paste", () => {
    expect(base32Decode("MZXW6YQ=").toString("ascii")).toBe("foob");
    expect(base32Decode("MY======").toString("ascii")).toBe("f");
    expect(base32Decode("mzxw 6ytb oi").toString("ascii")).toBe("foobar");
  });

  it("round-trips random bytes of every length", () => {
    for (let length = 0; length <= 41; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, index) => (index * 97 + length * 13) & 0xff));
      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
  });

  it("encodes the RFC 6238 secret as authenticator apps expect", () => {
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it("refuses characters outside the alphabet and impossible lengths", () => {
    for (const bad of ["MZXW1", "MZXW8", "MZ!W", "M", "MZX", "MZXW6Y"]) {
      expect(() => base32Decode(bad)).toThrow(InvalidBase32Error);
    }
  });
});

describe("HOTP (RFC 4226 appendix D)", () => {
  it("produces the published codes for counters 0 to 9", () => {
    const expected = [
      "755224",
      "287082",
      "359152",
      "969429",
      "338314",
      "254676",
      "287922",
      "162583",
      "399871",
      "520489",
    ];
    const key = Buffer.from(RFC_SECRET_ASCII, "ascii");
    expect(expected.map((_, counter) => hotp(key, counter))).toEqual(expected);
  });

  it("refuses a negative or fractional counter", () => {
    const key = Buffer.from(RFC_SECRET_ASCII, "ascii");
    expect(() => hotp(key, -1)).toThrow(RangeError);
    expect(() => hotp(key, 1.5)).toThrow(RangeError);
  });
});

describe("TOTP (RFC 6238 appendix B, SHA-1)", () => {
  const vectors: [number, string][] = [
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
  ];

  it.each(vectors)("at %i s gives %s with 8 digits", (seconds, code) => {
    expect(hotp(Buffer.from(RFC_SECRET_ASCII, "ascii"), totpStep(seconds * 1000), 8)).toBe(code);
  });

  it.each(vectors)("at %i s shows the last six digits of %s", (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code.slice(-6));
  });

  it("counts 30-second steps from the Unix epoch", () => {
    expect(totpStep(0)).toBe(0);
    expect(totpStep(29_999)).toBe(0);
    expect(totpStep(30_000)).toBe(1);
    expect(totpStep(1111111109 * 1000)).toBe(0x23523ec);
    expect(() => totpStep(-1)).toThrow(RangeError);
    expect(() => totpStep(Number.NaN)).toThrow(RangeError);
  });

  it("defaults to the current time", () => {
    vi.useFakeTimers({ now: 1234567890 * 1000 });
    try {
      expect(totpCode(RFC_SECRET)).toBe("005924");
    } finally {
      vi.useRealTimers();
    }
  });

  it("generates 160-bit secrets in unpadded base32, different every time", () => {
    const secrets = Array.from({ length: 20 }, () => generateTotpSecret());
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(base32Decode(secret)).toHaveLength(20);
    }
    expect(new Set(secrets).size).toBe(secrets.length);
  });
});

describe("verifyTotp", () => {
  const now = 1_700_000_000_000;
  const secret = RFC_SECRET;
  const codeAt = (offsetSteps: number): string => totpCode(secret, now + offsetSteps * STEP_MS);
  const currentStep = totpStep(now);

  it("accepts the current code and returns its step", () => {
    expect(verifyTotp(secret, codeAt(0), { time: now })).toEqual({ ok: true, step: currentStep });
  });

  it("accepts one step either side by default, for clock drift", () => {
    expect(verifyTotp(secret, codeAt(-1), { time: now })).toEqual({ ok: true, step: currentStep - 1 });
    expect(verifyTotp(secret, codeAt(1), { time: now })).toEqual({ ok: true, step: currentStep + 1 });
  });

  it("rejects codes two or more steps away", () => {
    expect(verifyTotp(secret, codeAt(-2), { time: now })).toEqual({ ok: false });
    expect(verifyTotp(secret, codeAt(2), { time: now })).toEqual({ ok: false });
    expect(verifyTotp(secret, codeAt(-10), { time: now })).toEqual({ ok: false });
  });

  it("honours a narrower or wider window", () => {
    expect(verifyTotp(secret, codeAt(-1), { time: now, window: 0 })).toEqual({ ok: false });
    expect(verifyTotp(secret, codeAt(0), { time: now, window: 0 })).toEqual({ ok: true, step: currentStep });
    expect(verifyTotp(secret, codeAt(2), { time: now, window: 2 })).toEqual({
      ok: true,
      step: currentStep + 2,
    });
    expect(() => verifyTotp(secret, codeAt(0), { time: now, window: -1 })).toThrow(RangeError);
    expect(() => verifyTotp(secret, codeAt(0), { time: now, window: 1.5 })).toThrow(RangeError);
    expect(() => verifyTotp(secret, codeAt(0), { time: now, window: 1000 })).toThrow(RangeError);
  });

  it("rejects a wrong code", () => {
    const wrong = ((Number(codeAt(0)) + 1) % 1_000_000).toString().padStart(6, "0");
    const nearby = [codeAt(-1), codeAt(0), codeAt(1)];
    if (nearby.includes(wrong)) return; // one-in-a-million collision with a neighbouring step
    expect(verifyTotp(secret, wrong, { time: now })).toEqual({ ok: false });
  });

  it("tolerates spaces people type or paste", () => {
    const code = codeAt(0);
    for (const typed of [
      `${code.slice(0, 3)} ${code.slice(3)}`,
      ` ${code} `,
      `${code}\n`,
      code.split("").join(" "),
    ]) {
      expect(verifyTotp(secret, typed, { time: now })).toEqual({ ok: true, step: currentStep });
    }
  });

  it("rejects anything that is not exactly six digits", () => {
    const code = codeAt(0);
    for (const typed of [
      "",
      "12345",
      "1234567",
      "abcdef",
      `${code}0`,
      code.slice(1),
      `${code.slice(0, 5)}x`,
      "12-34-56",
      "１２３４５６",
    ]) {
      expect(verifyTotp(secret, typed, { time: now })).toEqual({ ok: false });
    }
    expect(verifyTotp(secret, hotp(base32Decode(secret), currentStep, 8), { time: now })).toEqual({
      ok: false,
    });
  });

  it("refuses to accept the same code twice (replay)", () => {
    const first = verifyTotp(secret, codeAt(0), { time: now });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyTotp(secret, codeAt(0), { time: now, lastUsedStep: first.step })).toEqual({ ok: false });
    // Still refused a few seconds later, while the step is inside the window.
    expect(verifyTotp(secret, codeAt(0), { time: now + STEP_MS, lastUsedStep: first.step })).toEqual({
      ok: false,
    });
  });

  it("refuses an older code once a newer step was used, but accepts the next one", () => {
    expect(verifyTotp(secret, codeAt(-1), { time: now, lastUsedStep: currentStep })).toEqual({ ok: false });
    expect(verifyTotp(secret, codeAt(1), { time: now, lastUsedStep: currentStep })).toEqual({
      ok: true,
      step: currentStep + 1,
    });
    expect(verifyTotp(secret, codeAt(0), { time: now, lastUsedStep: currentStep - 1 })).toEqual({
      ok: true,
      step: currentStep,
    });
    expect(verifyTotp(secret, codeAt(0), { time: now, lastUsedStep: null })).toEqual({
      ok: true,
      step: currentStep,
    });
  });

  it("works at the very start of time without looking at negative steps", () => {
    expect(verifyTotp(secret, totpCode(secret, 0), { time: 0 })).toEqual({ ok: true, step: 0 });
  });
});

describe("otpauthUri", () => {
  it("builds the key URI authenticator apps read", () => {
    expect(otpauthUri({ secret: "JBSWY3DPEHPK3PXP", account: "budi@majujaya.id" })).toBe(
      "otpauth://totp/autolumiku:budi%40majujaya.id?secret=JBSWY3DPEHPK3PXP&issuer=autolumiku&algorithm=SHA1&digits=6&period=30",
    );
  });

  it("URL-encodes spaces, colons, ampersands and non-ASCII in the label and issuer", () => {
    const uri = otpauthUri({
      secret: "JBSWY3DPEHPK3PXP",
      account: "Siti Rahayu: sales&admin ñ",
      issuer: "Maju Jaya Motor",
    });
    expect(uri).toBe(
      "otpauth://totp/Maju%20Jaya%20Motor:Siti%20Rahayu%3A%20sales%26admin%20%C3%B1" +
        "?secret=JBSWY3DPEHPK3PXP&issuer=Maju%20Jaya%20Motor&algorithm=SHA1&digits=6&period=30",
    );
    const url = new URL(uri);
    expect(url.protocol).toBe("otpauth:");
    expect(url.searchParams.get("issuer")).toBe("Maju Jaya Motor");
    expect(url.searchParams.get("secret")).toBe("JBSWY3DPEHPK3PXP");
    const [issuer, account] = url.pathname.replace(/^\//, "").split(":").map(decodeURIComponent);
    expect([issuer, account]).toEqual(["Maju Jaya Motor", "Siti Rahayu: sales&admin ñ"]);
  });

  it("writes the secret in canonical upper-case base32 without padding", () => {
    const uri = otpauthUri({ secret: "jbsw y3dp ehpk 3pxp====", account: "a@b.id" });
    expect(new URL(uri).searchParams.get("secret")).toBe("JBSWY3DPEHPK3PXP");
  });
});

describe("qrCodeSvg", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const uri = otpauthUri({ secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", account: "budi@majujaya.id" });

  /** Reads the dark modules back out of the qrcode package's SVG path ("M x y", "m dx 0", "h n"). */
  function modulesFromSvg(svg: string, margin: number): { size: number; dark: Set<string> } {
    const viewBox = /viewBox="0 0 (\d+) \1"/.exec(svg);
    const path = /<path stroke="#000000" d="([^"]*)"/.exec(svg);
    if (!viewBox || !path) throw new Error("unexpected SVG shape");
    const dark = new Set<string>();
    let x = 0;
    let row = 0;
    for (const [, command, a, b] of path[1].matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
      if (command === "M") {
        x = Number(a) - margin;
        row = Number(b) - 0.5 - margin;
      } else if (command === "m") {
        x += Number(a);
      } else {
        for (let run = 0; run < Number(a); run++) dark.add(`${row},${x + run}`);
        x += Number(a);
      }
    }
    return { size: Number(viewBox[1]) - 2 * margin, dark };
  }

  it("renders an SVG element", async () => {
    const svg = await qrCodeSvg(uri);
    expect(svg.trimStart().startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  it("renders without any network access", async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error("network is not allowed here")));
    vi.stubGlobal("fetch", fetchSpy);
    await expect(qrCodeSvg(uri)).resolves.toContain("<svg");
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("is deterministic for the same URI and differs for another", async () => {
    expect(await qrCodeSvg(uri)).toBe(await qrCodeSvg(uri));
    expect(await qrCodeSvg(uri)).not.toBe(await qrCodeSvg(uri.replace("budi", "siti")));
  });

  it("draws exactly the QR symbol that encodes the URI", async () => {
    const svg = await qrCodeSvg(uri);
    const symbol = createQrCode(uri, { errorCorrectionLevel: "M" });
    const fromSvg = modulesFromSvg(svg, 4);
    expect(fromSvg.size).toBe(symbol.modules.size);
    const expectedDark = new Set<string>();
    for (let row = 0; row < symbol.modules.size; row++) {
      for (let column = 0; column < symbol.modules.size; column++) {
        if (symbol.modules.get(row, column)) expectedDark.add(`${row},${column}`);
      }
    }
    expect(fromSvg.dark).toEqual(expectedDark);
    // The encoder splits the text into byte and alphanumeric runs; joined back they must be the URI.
    const encodedText = symbol.segments
      .map((segment) =>
        typeof segment.data === "string" ? segment.data : Buffer.from(segment.data).toString("utf8"),
      )
      .join("");
    expect(encodedText).toBe(uri);
  });

  it("never echoes the secret as text in the markup", async () => {
    const svg = await qrCodeSvg(uri);
    expect(svg).not.toContain("GEZDGNBV");
    expect(svg).not.toContain("otpauth");
  });
});

describe("recovery codes", () => {
  const shape = new RegExp(
    `^[${RECOVERY_CODE_ALPHABET}]{4}-[${RECOVERY_CODE_ALPHABET}]{4}-[${RECOVERY_CODE_ALPHABET}]{4}$`,
  );

  it("generates ten readable codes by default, or as many as asked", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(shape);
    expect(generateRecoveryCodes(3)).toHaveLength(3);
    expect(() => generateRecoveryCodes(0)).toThrow(RangeError);
  });

  it("generates unique codes without look-alike characters", () => {
    const codes = Array.from({ length: 50 }, () => generateRecoveryCodes(10)).flat();
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.join("")).not.toMatch(/[01ilo]/);
  });

  it("uses the whole alphabet (the random source is not stuck)", () => {
    const seen = new Set(generateRecoveryCodes(100).join("").replaceAll("-", ""));
    expect(seen.size).toBe(RECOVERY_CODE_ALPHABET.length);
  });

  it("hashes to SHA-256 hex, the same for every way of typing a code", () => {
    const hash = hashRecoveryCode("7kq4-m9xz-p2ht");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    for (const typed of [
      "7KQ4-M9XZ-P2HT",
      "7kq4m9xzp2ht",
      " 7kq4 m9xz p2ht ",
      "7kq4 - m9xz - p2ht",
      "7Kq4M9xZ-P2hT",
    ]) {
      expect(hashRecoveryCode(typed)).toBe(hash);
    }
    expect(hashRecoveryCode("7kq4-m9xz-p2hu")).not.toBe(hash);
  });

  it("finds the matching stored hash after normalisation", () => {
    const codes = generateRecoveryCodes();
    const hashes = codes.map(hashRecoveryCode);
    codes.forEach((code, index) => {
      expect(matchRecoveryCode(code, hashes)).toBe(index);
      expect(matchRecoveryCode(code.toUpperCase().replaceAll("-", " "), hashes)).toBe(index);
    });
  });

  it("returns -1 for an unknown, empty or malformed code", () => {
    const codes = generateRecoveryCodes(10);
    const hashes = codes.map(hashRecoveryCode);
    const unknown = generateRecoveryCodes(20).find((code) => !codes.includes(code)) ?? "2222-2222-2222";
    expect(matchRecoveryCode(unknown, hashes)).toBe(-1);
    expect(matchRecoveryCode("", hashes)).toBe(-1);
    expect(matchRecoveryCode(codes[0].slice(0, -1), hashes)).toBe(-1);
    expect(matchRecoveryCode(`${codes[0]}2`, hashes)).toBe(-1);
    expect(matchRecoveryCode(codes[0], [])).toBe(-1);
  });

  it("skips stored values that are not hashes instead of throwing", () => {
    const [code] = generateRecoveryCodes(1);
    expect(matchRecoveryCode(code, ["", "not-a-hash", hashRecoveryCode(code)])).toBe(2);
  });

  it("matches a used-up code no more once its hash is removed", () => {
    const codes = generateRecoveryCodes(3);
    const hashes = codes.map(hashRecoveryCode);
    const index = matchRecoveryCode(codes[1], hashes);
    const remaining = hashes.filter((_, position) => position !== index);
    expect(matchRecoveryCode(codes[1], remaining)).toBe(-1);
  });
});
