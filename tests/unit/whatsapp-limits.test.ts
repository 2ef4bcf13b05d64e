import { describe, expect, it } from "vitest";
import {
  assertList,
  assertReplyButtons,
  assertTextBody,
  buttonTitle,
  checkList,
  checkReplyButtons,
  fitList,
  fitReplyButtons,
  type ListSection,
  listRowDescription,
  listRowTitle,
  splitText,
  truncateText,
  WHATSAPP_LIMITS,
  WhatsAppLimitError,
} from "@/lib/whatsapp/limits";

// True when no UTF-16 surrogate is left without its pair, i.e. no emoji was cut in half.
function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

function words(count: number, word = "mobil"): string {
  return Array.from({ length: count }, () => word).join(" ");
}

function expectWithinLimit(parts: string[], limit: number): void {
  for (const part of parts) {
    expect(part.length).toBeLessThanOrEqual(limit);
    expect(part.trim()).toBe(part);
    expect(part).not.toBe("");
  }
}

// Splitting may only drop the whitespace it cut at.
function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

describe("splitting long replies", () => {
  it("leaves a reply that fits alone", () => {
    expect(splitText("Unitnya masih ada kak 🙏")).toEqual(["Unitnya masih ada kak 🙏"]);
    expect(splitText("a".repeat(4096))).toEqual(["a".repeat(4096)]);
  });

  it("produces no parts for blank text", () => {
    expect(splitText("")).toEqual([]);
    expect(splitText(" \n\n \t")).toEqual([]);
  });

  it("cuts at a paragraph break first", () => {
    const first = `Toyota Avanza 1.5 G CVT 2019. ${words(10)}`;
    const second = `Harga Rp 185.000.000, nego. ${words(10)}`;
    const parts = splitText(`${first}\n\n${second}`, 120);
    expect(parts).toEqual([first, second]);
  });

  it("prefers the paragraph break even when a sentence end comes later", () => {
    const parts = splitText("Paragraf satu.\n\nKalimat dua. Kalimat tiga panjang sekali", 40);
    expect(parts[0]).toBe("Paragraf satu.");
  });

  it("then at a line break, then at a sentence end", () => {
    expect(splitText("Baris satu\nBaris dua yang lebih panjang", 20)).toEqual([
      "Baris satu",
      "Baris dua yang lebih",
      "panjang",
    ]);
    expect(splitText("Unit ready. Pajak hidup sampai 2026! Kunci serep ada", 40)).toEqual([
      "Unit ready. Pajak hidup sampai 2026!",
      "Kunci serep ada",
    ]);
  });

  it("does not treat dots inside prices or engine sizes as sentence ends", () => {
    const text = "Harga Rp 185.000.000 untuk 1.5 G CVT tahun 2019 km rendah";
    const parts = splitText(text, 30);
    for (const part of parts) {
      expect(part).not.toMatch(/^\d/);
      expect(part).not.toMatch(/\.$/);
    }
    expect(parts.join(" ")).toBe(text);
  });

  it("then at a space, never inside a word", () => {
    const text = words(50, "Fortuner");
    const parts = splitText(text, 30);
    expectWithinLimit(parts, 30);
    for (const part of parts) expect(part.split(" ").every((word) => word === "Fortuner")).toBe(true);
    expect(parts.join(" ")).toBe(text);
  });

  it("cuts a word only when it alone is longer than the limit, and never inside an emoji", () => {
    const url = `https://maju-motor.example/vehicles/${"x".repeat(50)}`;
    const parts = splitText(`Lihat ${url}`, 30);
    expectWithinLimit(parts, 30);
    expect(parts[0]).toBe("Lihat");
    expect(parts.slice(1).join("")).toBe(url);

    const emoji = "🚗👨‍👩‍👧‍👦🇮🇩".repeat(5);
    const emojiParts = splitText(emoji, 12);
    expectWithinLimit(emojiParts, 12);
    expect(emojiParts.join("")).toBe(emoji);
    for (const part of emojiParts) expect(isWellFormed(part)).toBe(true);
  });

  it("splits a long reply into full messages within 4,096 characters without losing text", () => {
    const paragraph = `${words(60, "Kondisi mulus,")}. Surat lengkap, pajak panjang!`;
    const text = Array.from({ length: 30 }, (_, index) => `${index + 1}. ${paragraph}`).join("\n\n");
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    expectWithinLimit(parts, WHATSAPP_LIMITS.textBody);
    expect(normaliseSpace(parts.join(" "))).toBe(normaliseSpace(text));
    // Few messages: each part but the last is reasonably full.
    for (const part of parts.slice(0, -1)) expect(part.length).toBeGreaterThan(WHATSAPP_LIMITS.textBody / 2);
  });

  it("drops whitespace at the cuts and never yields empty parts", () => {
    const parts = splitText("satu\n\n\n\n   \n\ndua\n\n\n   tiga", 5);
    expect(parts).toEqual(["satu", "dua", "tiga"]);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => splitText("halo", 0)).toThrow(RangeError);
    expect(() => splitText("halo", 2.5)).toThrow(RangeError);
  });
});

describe("titles and labels", () => {
  it("trims button titles to 20 characters with an ellipsis", () => {
    expect(buttonTitle("  Test drive  ")).toBe("Test drive");
    expect(buttonTitle("Jadwalkan test drive")).toBe("Jadwalkan test drive");
    const long = buttonTitle("Jadwalkan test drive besok");
    expect(long).toBe("Jadwalkan test driv…");
    expect(long.length).toBe(20);
  });

  it("never cuts an emoji in half", () => {
    const title = buttonTitle("Lihat foto 🚗🚗🚗🚗🚗🚗");
    expect(title.length).toBeLessThanOrEqual(20);
    expect(isWellFormed(title)).toBe(true);
    expect(truncateText("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 12)).toBe("👨‍👩‍👧‍👦…");
    expect(truncateText("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 11)).toBe("…");
    expect(isWellFormed(truncateText("🚗".repeat(10), 7))).toBe(true);
  });

  it("trims list rows to 24 and descriptions to 72 characters", () => {
    expect(listRowTitle("Toyota Kijang Innova 2.4 V Diesel AT 2020").length).toBe(24);
    const description = listRowDescription(`Rp 385.000.000 · ${words(20)}`);
    expect(description.length).toBeLessThanOrEqual(72);
    expect(description.length).toBeGreaterThan(60);
    expect(description.endsWith("mobil…")).toBe(true);
  });
});

describe("reply buttons", () => {
  it("accepts up to three distinct buttons", () => {
    expect(
      checkReplyButtons([
        { id: "a", title: "Test drive" },
        { id: "b", title: "Simulasi kredit" },
        { id: "c", title: "Tanya sales" },
      ]),
    ).toEqual([]);
  });

  it("reports too many buttons, long or empty titles and duplicates", () => {
    const problems = checkReplyButtons([
      { id: "a", title: "Satu" },
      { id: "a", title: "Satu" },
      { id: "c", title: "" },
      { id: "d", title: "Judul yang terlalu panjang sekali" },
    ]);
    const paths = problems.map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(["buttons", "buttons[2].title", "buttons[3].title"]));
    expect(problems.some((problem) => problem.message.includes("duplicate ids"))).toBe(true);
    expect(problems.some((problem) => problem.message.includes("duplicate titles"))).toBe(true);
    expect(checkReplyButtons([])).toEqual([{ path: "buttons", message: "at least one button is required" }]);
  });

  it("fits buttons by keeping three and shortening titles", () => {
    const fitted = fitReplyButtons([
      { id: "a", title: "Jadwalkan test drive besok pagi" },
      { id: "b", title: "Kredit" },
      { id: "c", title: "Cash" },
      { id: "d", title: "Tukar tambah" },
    ]);
    expect(fitted.map((button) => button.id)).toEqual(["a", "b", "c"]);
    expect(checkReplyButtons(fitted)).toEqual([]);
  });

  it("throws a typed error listing every problem", () => {
    expect(() => assertReplyButtons("", [{ id: "a", title: "x".repeat(21) }])).toThrow(WhatsAppLimitError);
    try {
      assertReplyButtons("", [{ id: "a", title: "x".repeat(21) }]);
    } catch (error) {
      if (!(error instanceof WhatsAppLimitError)) throw error;
      expect(error.problems.map((problem) => problem.path)).toEqual(["body", "buttons[0].title"]);
    }
  });
});

describe("lists", () => {
  const row = (index: number) => ({ id: `veh-${index}`, title: `Unit ${index}`, description: "Rp 150 jt" });

  it("accepts up to ten rows in all", () => {
    const sections: ListSection[] = [
      { title: "MPV", rows: [1, 2, 3, 4, 5].map(row) },
      { title: "SUV", rows: [6, 7, 8, 9, 10].map(row) },
    ];
    expect(checkList("Lihat unit", sections)).toEqual([]);
  });

  it("reports more than ten rows across sections, long texts, and missing section titles", () => {
    const sections: ListSection[] = [
      { rows: [1, 2, 3, 4, 5, 6].map(row) },
      { title: "SUV", rows: [7, 8, 9, 10, 11].map(row) },
    ];
    const problems = checkList("Tombol dengan teks kepanjangan", sections);
    expect(problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(["buttonText", "sections", "sections[0].title"]),
    );
    const longRow = checkList("Lihat", [
      { rows: [{ id: "x", title: "t".repeat(25), description: "d".repeat(73) }] },
    ]);
    expect(longRow.map((problem) => problem.path)).toEqual([
      "sections[0].rows[0].title",
      "sections[0].rows[0].description",
    ]);
  });

  it("reports duplicate row ids across sections", () => {
    const problems = checkList("Lihat", [
      { title: "A", rows: [row(1)] },
      { title: "B", rows: [row(1)] },
    ]);
    expect(problems).toEqual([{ path: "sections[].rows", message: "duplicate ids: veh-1" }]);
  });

  it("fits a list by keeping the first ten rows and shortening texts", () => {
    const fitted = fitList([
      { title: "MPV keluarga dan harian murah", rows: [1, 2, 3, 4, 5, 6, 7].map(row) },
      { title: "SUV", rows: [8, 9, 10, 11, 12].map(row) },
      { title: "Sedan", rows: [13].map(row) },
    ]);
    expect(fitted.map((section) => section.rows.length)).toEqual([7, 3]);
    expect(fitted[0]?.title?.length).toBeLessThanOrEqual(24);
    expect(checkList("Lihat", fitted)).toEqual([]);
  });

  it("throws before sending a list WhatsApp would refuse", () => {
    expect(() => assertList("Pilih unit", "Lihat", [{ rows: [] }])).toThrow(WhatsAppLimitError);
  });
});

describe("text bodies", () => {
  it("refuses blank and over-long bodies", () => {
    expect(() => assertTextBody("  ")).toThrow(WhatsAppLimitError);
    expect(() => assertTextBody("a".repeat(4097))).toThrow(WhatsAppLimitError);
    expect(() => assertTextBody("a".repeat(4096))).not.toThrow();
  });
});
