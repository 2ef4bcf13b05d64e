// Staff chat commands as showroom staff really type them (typos, slang, no punctuation) read into commands.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { parseStaffCommand } from "@/lib/assistant/staff/commands";
import { analysePhoto, colorName, describeListing, readListingCaption } from "@/lib/assistant/staff/listing";

const brands = [
  { brand: "Toyota", model: "Avanza" },
  { brand: "Honda", model: "Jazz" },
  { brand: "Mitsubishi", model: "Xpander" },
];
const parse = (text: string) => parseStaffCommand(text, { brands, now: new Date("2025-06-01T00:00:00Z") });

describe("status changes", () => {
  it.each([
    ["HX-001 terjual", "sold"],
    ["hx-001 udah laku", "sold"],
    ["HX-001 terjaul", "sold"],
    ["HX-001 sold ya", "sold"],
    ["MJ-0003 tersedia lagi", "available"],
    ["MJ-0003 ready lagi", "available"],
    ["HX-001 batal booking", "available"],
    ["HX-001 booking", "booked"],
    ["HX-001 bokking", "booked"],
    ["HX-001 sudah dp", "booked"],
  ])("%s -> %s", (text, status) => {
    const command = parse(text);
    expect(command).toMatchObject({ kind: "status", status });
    expect(command.kind === "status" && command.target.stockCode).toBe(
      text.toUpperCase().slice(0, text.indexOf(" ")),
    );
  });

  it("names a car by its plate, with the model as a hint", () => {
    expect(parse("avanza B 1234 SJA booking")).toEqual({
      kind: "status",
      status: "booked",
      target: { plate: "B 1234 SJA", brand: "Toyota", model: "Avanza" },
    });
    expect(parse("b1234sja terjual")).toMatchObject({
      kind: "status",
      status: "sold",
      target: { plate: "B 1234 SJA" },
    });
  });

  it("does not read a plate as a stock code", () => {
    expect(parse("DK 1234 AB terjual")).toMatchObject({ target: { plate: "DK 1234 AB" } });
  });

  it("hides instead of deleting", () => {
    expect(parse("hapus HX-001")).toMatchObject({ kind: "hide", target: { stockCode: "HX-001" } });
  });
});

describe("price and field edits", () => {
  it.each([
    ["harga HX-001 jadi 160jt", 160_000_000n],
    ["hrg HX-001 160 juta", 160_000_000n],
    ["HX-001 harga 155", 155_000_000n],
    ["HX-001 jadi 187,5jt", 187_500_000n],
    ["harga HX-001 jadi Rp 149.000.000", 149_000_000n],
  ])("%s -> %s", (text, price) => {
    expect(parse(text)).toMatchObject({ kind: "price", target: { stockCode: "HX-001" }, price });
  });

  it.each([
    ["HX-001 km 45rb", { field: "mileageKm", value: 45_000 }],
    ["HX-001 km 45.000", { field: "mileageKm", value: 45_000 }],
    ["HX-001 kilometer 45", { field: "mileageKm", value: 45_000 }],
    ["HX-001 warna hitam", { field: "color", value: "hitam" }],
    ["HX-001 warnanya putih", { field: "color", value: "putih" }],
    ["HX-001 tahun 2018", { field: "year", value: 2018 }],
    ["HX-001 matic", { field: "transmission", value: "automatic" }],
    ["HX-001 plat B 1234 SJA", { field: "plateNumber", value: "B 1234 SJA" }],
  ])("%s", (text, change) => {
    expect(parse(text)).toEqual({ kind: "field", target: { stockCode: "HX-001" }, change });
  });
});

describe("stock questions", () => {
  it("lists a model", () => {
    expect(parse("stok avanza")).toMatchObject({
      kind: "stock",
      criteria: { brand: "Toyota", model: "Avanza" },
      count: false,
    });
    expect(parse("stok avansa")).toMatchObject({ kind: "stock", criteria: { model: "Avanza" } });
  });
  it("counts by transmission", () => {
    expect(parse("ada berapa unit matic?")).toMatchObject({
      kind: "stock",
      criteria: { transmission: "automatic" },
      count: true,
    });
  });
  it("checks one car", () => {
    expect(parse("cek HX-001")).toEqual({ kind: "detail", target: { stockCode: "HX-001" } });
    expect(parse("HX-001")).toEqual({ kind: "detail", target: { stockCode: "HX-001" } });
  });
});

describe("the rest", () => {
  it("publishes, answers, helps and admits what it did not get", () => {
    expect(parse("terbitkan")).toEqual({ kind: "publish", target: null });
    expect(parse("publish HX-001")).toMatchObject({ kind: "publish", target: { stockCode: "HX-001" } });
    expect(parse("Batal")).toEqual({ kind: "answer", yes: false });
    expect(parse("ya")).toEqual({ kind: "answer", yes: true });
    expect(parse("menu")).toEqual({ kind: "help" });
    expect(parse("selamat pagi bos")).toEqual({ kind: "unknown" });
  });
});

/** What "Jazz RS 2019 187,5jt km 88rb merah matic" says, and so what a listing from it describes. */
const JAZZ_CAPTION_FIELDS = {
  brand: "Honda",
  model: "Jazz",
  variant: "RS",
  year: 2019,
  price: 187_500_000n,
  mileageKm: 88_000,
  color: "merah",
  transmission: "automatic",
} as const;

describe("listing from a caption and a photo", () => {
  it("reads the caption with the buyer parser", () => {
    const { fields, missing } = readListingCaption("Jazz RS 2019 187,5jt km 88rb merah matic", {
      brands,
      now: new Date("2025-06-01T00:00:00Z"),
    });
    expect(fields).toEqual(JAZZ_CAPTION_FIELDS);
    expect(missing).toEqual([]);
    expect(readListingCaption("mobil bagus nih").missing).toEqual(["model", "year", "price"]);
  });

  it("names colours the way showrooms do", () => {
    expect(colorName(10, 10, 12)).toBe("hitam");
    expect(colorName(245, 245, 245)).toBe("putih");
    expect(colorName(180, 182, 185)).toBe("silver");
    expect(colorName(100, 100, 104)).toBe("abu-abu");
    expect(colorName(200, 20, 30)).toBe("merah");
    expect(colorName(20, 60, 200)).toBe("biru");
  });

  it("finds a red car in front of a pale wall and scores a blurry dark photo low", async () => {
    const wall = { r: 238, g: 240, b: 234 };
    const car = await sharp({
      create: { width: 600, height: 400, channels: 3, background: { r: 190, g: 25, b: 35 } },
    })
      .png()
      .toBuffer();
    const photo = await sharp({ create: { width: 1280, height: 960, channels: 3, background: wall } })
      .composite([{ input: car, left: 340, top: 360 }])
      .jpeg()
      .toBuffer();
    const analysis = await analysePhoto(photo);
    expect(analysis.dominantColor).toBe("merah");
    const dark = await sharp({
      create: { width: 320, height: 240, channels: 3, background: { r: 12, g: 12, b: 14 } },
    })
      .jpeg()
      .toBuffer();
    const poor = await analysePhoto(dark);
    expect(poor.problems).toEqual(expect.arrayContaining(["small", "dark"]));
    expect(poor.quality).toBeLessThan(analysis.quality);
  });

  it("writes descriptions from known facts in both languages", () => {
    const text = describeListing(JAZZ_CAPTION_FIELDS);
    expect(text.id).toContain("Honda Jazz RS 2019");
    expect(text.id).toContain("Rp 187.500.000");
    expect(text.en).toContain("automatic");
  });
});
