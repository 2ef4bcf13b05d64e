import { describe, expect, it } from "vitest";
import {
  aroundBand,
  type Financing,
  type Intent,
  type KnownModel,
  parseBudget,
  parseIndonesianNumberWords,
  readStoredCriteria,
  SearchCriteria,
  storeCriteria,
  type Understanding,
  understandBuyerMessage,
} from "@/lib/assistant/understand/buyer-message";
import {
  BUYER_MESSAGES,
  checkUnderstanding,
  DEMO_CITIES,
  DEMO_STOCK,
  EVAL_NOW,
} from "../eval/buyer-messages";

const JT = 1_000_000n;
const NOW = new Date("2025-06-01T08:00:00+07:00");
const CITIES = [
  "Jakarta Selatan",
  "Depok",
  "Tangerang Selatan",
  "Bandung",
  "Cimahi",
  "Bekasi",
  "Surabaya",
  "Sidoarjo",
  "Malang",
];

function understand(
  text: string,
  previous?: SearchCriteria,
  brands: readonly KnownModel[] = DEMO_STOCK,
): Understanding {
  return understandBuyerMessage(text, { brands, cities: CITIES, previous, now: NOW });
}

describe("number words", () => {
  it.each<[string, bigint | null]>([
    ["seratus lima puluh juta", 150n * JT],
    ["dua ratus juta", 200n * JT],
    ["satu koma dua miliar", 1_200n * JT],
    ["satu setengah miliar", 1_500n * JT],
    ["setengah miliar", 500n * JT],
    ["tujuh puluh lima juta", 75n * JT],
    ["dua juta lima ratus ribu", 2_500_000n],
    ["sembilan ratus sembilan puluh sembilan ribu", 999_000n],
    ["dua belas", 12n],
    ["sebelas juta", 11n * JT],
    ["dua ribu sembilan belas", 2019n],
    ["sejuta", JT],
    ["two hundred million", 200n * JT],
    ["one hundred and fifty million", 150n * JT],
    ["dua koma lima", null],
    ["mobil", null],
    ["", null],
  ])("reads %j as %s", (text, expected) => {
    expect(parseIndonesianNumberWords(text)).toBe(expected);
  });
});

describe("budget phrases", () => {
  it.each<[string, { min?: bigint; max?: bigint }]>([
    ["dibawah 300", { max: 300n * JT }],
    ["di bawah 300 jt", { max: 300n * JT }],
    ["budget 300", { max: 300n * JT }],
    ["maks 250jt", { max: 250n * JT }],
    ["max 250", { max: 250n * JT }],
    ["300 kebawah", { max: 300n * JT }],
    ["diatas 200", { min: 200n * JT }],
    ["minimal 200", { min: 200n * JT }],
    ["min 200", { min: 200n * JT }],
    ["200 keatas", { min: 200n * JT }],
    ["200an", { min: 180n * JT, max: 220n * JT }],
    ["200-an", { min: 180n * JT, max: 220n * JT }],
    ["150 jtan", { min: 135n * JT, max: 165n * JT }],
    ["sekitar 150", { min: 135n * JT, max: 165n * JT }],
    ["kisaran 100jt", { min: 90n * JT, max: 110n * JT }],
    ["100-150 juta", { min: 100n * JT, max: 150n * JT }],
    ["100jt - 150jt", { min: 100n * JT, max: 150n * JT }],
    ["100 sampai 150", { min: 100n * JT, max: 150n * JT }],
    ["antara 100 dan 150 juta", { min: 100n * JT, max: 150n * JT }],
    ["1-1,5 M", { min: 1_000n * JT, max: 1_500n * JT }],
    ["150jt", { max: 150n * JT }],
    ["1,2 M", { max: 1_200n * JT }],
    ["1.2 miliar", { max: 1_200n * JT }],
    ["Rp 185.000.000", { max: 185n * JT }],
    ["Rp185.000.000,-", { max: 185n * JT }],
    ["185000000", { max: 185n * JT }],
    ["185,5 jt", { max: 185_500_000n }],
    ["seratus lima puluh juta", { max: 150n * JT }],
    ["dibawah dua ratus juta", { max: 200n * JT }],
    ["under 300 million", { max: 300n * JT }],
    ["300m", { max: 300n * JT }],
    ["1.5", {}],
    ["2020", {}],
    ["dibawah 2015", {}],
    ["7 seater", {}],
    ["150", {}],
  ])("%j", (text, expected) => {
    expect(parseBudget(text, NOW)).toEqual(expected);
  });

  it("searches 10% either side of an approximate price, in whole juta", () => {
    expect(aroundBand(200n * JT)).toEqual({ min: 180n * JT, max: 220n * JT });
    expect(aroundBand(175n * JT)).toEqual({ min: 158n * JT, max: 193n * JT });
  });
});

describe("brands and models", () => {
  it.each<[string, string | undefined, string | undefined]>([
    ["ada avansa?", "Toyota", "Avanza"],
    ["inova reborn", "Toyota", "Kijang Innova"],
    ["xpandr", "Mitsubishi", "Xpander"],
    ["expander", "Mitsubishi", "Xpander"],
    ["jaz", "Honda", "Jazz"],
    ["fortuner", "Toyota", "Fortuner"],
    ["fortuner nya", "Toyota", "Fortuner"],
    ["fortunernya ada?", "Toyota", "Fortuner"],
    ["pajero", "Mitsubishi", "Pajero Sport"],
    ["pajero sport", "Mitsubishi", "Pajero Sport"],
    ["brio", "Honda", "Brio"],
    ["ertiga", "Suzuki", "Ertiga"],
    ["hrv", "Honda", "HR-V"],
    ["hr-v", "Honda", "HR-V"],
    ["HR V", "Honda", "HR-V"],
    ["crv", "Honda", "CR-V"],
    ["cr-v", "Honda", "CR-V"],
    ["xl 7", "Suzuki", "XL7"],
    ["l300", "Mitsubishi", "L300"],
    ["air ev", "Wuling", "Air ev"],
    ["altis", "Toyota", "Corolla Altis"],
    ["ada toyota?", "Toyota", undefined],
    ["toyta", "Toyota", undefined],
    ["mitsu", "Mitsubishi", undefined],
    ["ada bmw?", "BMW", undefined],
    ["ada alphard?", "Toyota", "Alphard"],
    ["mobil bekas", undefined, undefined],
    ["mobil di bawah 100jt", undefined, undefined],
    ["masa sih", undefined, undefined],
    ["aku sinta", undefined, undefined],
    ["senin bisa?", undefined, undefined],
    ["ada air?", undefined, undefined],
    ["sport", undefined, undefined],
  ])("%j -> %s %s", (text, brand, model) => {
    const { criteria } = understand(text);
    expect([criteria.brand, criteria.model]).toEqual([brand, model]);
  });

  it("follows the showroom's own spelling of its stock", () => {
    const stock = [
      { brand: "Toyota", model: "Innova" },
      { brand: "Toyota", model: "Avanza Veloz" },
    ];
    expect(understand("inova diesel", undefined, stock).criteria.model).toBe("Innova");
    expect(understand("avanza veloz 2021", undefined, stock).criteria.model).toBe("Avanza Veloz");
  });

  it("keeps every model named, and the first as the search", () => {
    const result = understand("avanza atau xenia yg 2018");
    expect(result.models).toEqual([
      { brand: "Toyota", model: "Avanza" },
      { brand: "Daihatsu", model: "Xenia" },
    ]);
    expect(result.criteria).toMatchObject({ brand: "Toyota", model: "Avanza", yearMin: 2018, yearMax: 2018 });
  });

  it("notes what the buyer rules out instead of searching for it", () => {
    const result = understand("selain toyota ada?");
    expect(result.criteria.brand).toBeUndefined();
    expect(result.avoided).toEqual(["Toyota"]);
    expect(result.intents).toContain("search");
  });
});

describe("years", () => {
  it.each<[string, number | undefined, number | undefined]>([
    ["avanza 2019", 2019, 2019],
    ["2019 ke atas", 2019, undefined],
    ["2019 keatas", 2019, undefined],
    ["2018 up", 2018, undefined],
    ["2018+", 2018, undefined],
    ["2018 ke sini", 2018, undefined],
    ["minimal 2018", 2018, undefined],
    ["min 2018", 2018, undefined],
    ["minimal tahun 2018", 2018, undefined],
    ["diatas 2018", 2019, undefined],
    ["tahun 2017-2020", 2017, 2020],
    ["2017 s/d 2020", 2017, 2020],
    ["2017 sampai 2020", 2017, 2020],
    ["dibawah 2015", undefined, 2014],
    ["2015 kebawah", undefined, 2015],
    ["maksimal 2015", undefined, 2015],
    ["2018an", 2017, 2019],
    ["2010an", 2010, 2019],
    ["2020an", 2020, 2026],
    ["th 19 keatas", 2019, undefined],
    ["tahun 18", 2018, 2018],
    ["5 tahun terakhir", 2020, undefined],
    ["umur dibawah 5 tahun", 2020, undefined],
    ["avanza2019", 2019, 2019],
    ["tahun dua ribu dua puluh", 2020, 2020],
    ["2030", undefined, undefined],
  ])("%j -> %s..%s", (text, yearMin, yearMax) => {
    const { criteria } = understand(text);
    expect([criteria.yearMin, criteria.yearMax]).toEqual([yearMin, yearMax]);
  });
});

describe("money in a message", () => {
  it.each<[string, bigint | undefined, bigint | undefined]>([
    ["avanza 2019 dibawah 150jt", undefined, 150n * JT],
    ["avanza 150jt ada?", undefined, 150n * JT],
    ["ada yg 1,2 M?", undefined, 1_200n * JT],
    ["budget 1.5 M ada apa aja", undefined, 1_500n * JT],
    ["300 juta dapat mobil apa", undefined, 300n * JT],
    ["harga 150an tahun 2018 keatas", 135n * JT, 165n * JT],
    ["diatas 100 dibawah 200", 100n * JT, 200n * JT],
    ["budget saya cuma 120", undefined, 120n * JT],
    ["budget naik jadi 250", undefined, 250n * JT],
    ["2 ratus jt ada?", undefined, 200n * JT],
    ["mobil 2020 budget 300m", undefined, 300n * JT],
    ["avanza 1.5 G 2020", undefined, undefined],
    ["jazz 2020", undefined, undefined],
    ["mobil 7 seater", undefined, undefined],
    ["dibawah 5 tahun", undefined, undefined],
    ["harga segitu masih bisa kurang 10 juta?", undefined, undefined],
    ["tanda jadi 2jt ya", undefined, undefined],
    ["masih 150 kan harganya?", undefined, undefined],
    ["wa 0812-3456-7890", undefined, undefined],
    ["MJ-001 ready?", undefined, undefined],
    ["km dibawah 50rb", undefined, undefined],
  ])("%j -> %s..%s", (text, priceMin, priceMax) => {
    const { criteria } = understand(text);
    expect([criteria.priceMin, criteria.priceMax]).toEqual([priceMin, priceMax]);
  });

  it("lists every Rupiah amount the buyer wrote, financing included, in order", () => {
    expect(understand("avanza 150-175jt, dp 30jt, cicilan 4,5jt/bulan").mentionedAmounts).toEqual([
      150n * JT,
      175n * JT,
      30n * JT,
      4_500_000n,
    ]);
    expect(understand("200an").mentionedAmounts).toEqual([200n * JT]);
    expect(understand("tanda jadi 2jt").mentionedAmounts).toEqual([2n * JT]);
    expect(understand("avanza 2019 1.5 G").mentionedAmounts).toEqual([]);
  });

  it("never uses floating point: money is bigint Rupiah", () => {
    const { criteria, mentionedAmounts } = understand("harga 185,5 jt");
    expect(typeof criteria.priceMax).toBe("bigint");
    expect(mentionedAmounts).toEqual([185_500_000n]);
  });
});

describe("financing is not a car price", () => {
  it.each<[string, Financing]>([
    [
      "DP 30jt cicilan 5jt/bulan tenor 4 tahun",
      { downPayment: 30n * JT, monthlyBudget: 5n * JT, tenorMonths: 48 },
    ],
    ["dp 20%", { downPaymentPercent: 20 }],
    ["dp 20 persen", { downPaymentPercent: 20 }],
    ["30% down payment", { downPaymentPercent: 30 }],
    ["x47", { tenorMonths: 47 }],
    ["47x", { tenorMonths: 47 }],
    ["tenor 4 tahun", { tenorMonths: 48 }],
    ["tenor 36", { tenorMonths: 36 }],
    ["tenor 5", { tenorMonths: 60 }],
    ["kredit 3 tahun", { tenorMonths: 36 }],
    ["cicilan 5jt/bulan", { monthlyBudget: 5n * JT }],
    ["cicilan 5 juta per bulan", { monthlyBudget: 5n * JT }],
    ["angsuran max 4jt sebulan", { monthlyBudget: 4n * JT }],
    ["cicilan 4500", { monthlyBudget: 4_500_000n }],
    ["angsuran 3,5jt x 59", { monthlyBudget: 3_500_000n, tenorMonths: 59 }],
    ["uang muka 50 juta", { downPayment: 50n * JT }],
    ["TDP 25jt", { downPayment: 25n * JT }],
    ["30jt buat dp", { downPayment: 30n * JT }],
    ["fortuner 4x2", {}],
    ["5 tahun terakhir", {}],
  ])("%j", (text, financing) => {
    const result = understand(text);
    expect(result.financing).toEqual(financing);
    expect(result.criteria.priceMin).toBeUndefined();
    expect(result.criteria.priceMax).toBeUndefined();
  });

  it("keeps a price and a down payment apart in one message", () => {
    const result = understand("avanza 2019 harga 170an, dp 30 bisa?");
    expect(result.criteria).toMatchObject({ priceMin: 153n * JT, priceMax: 187n * JT });
    expect(result.financing).toEqual({ downPayment: 30n * JT });
    expect(result.intents).toEqual(expect.arrayContaining(["search", "credit"]));
  });
});

describe("car attributes", () => {
  it.each<[string, Partial<SearchCriteria>]>([
    ["matic", { transmission: "automatic" }],
    ["metik", { transmission: "automatic" }],
    ["matik", { transmission: "automatic" }],
    ["innova AT", { transmission: "automatic" }],
    ["jazz a/t", { transmission: "automatic" }],
    ["CVT", { transmission: "automatic" }],
    ["manual", { transmission: "manual" }],
    ["brio MT", { transmission: "manual" }],
    ["jangan yang manual", { transmission: "automatic" }],
    ["bukan matic", { transmission: "manual" }],
    ["solar", { fuel: "diesel" }],
    ["diesel", { fuel: "diesel" }],
    ["bensin", { fuel: "petrol" }],
    ["hybrid", { fuel: "hybrid" }],
    ["mobil listrik", { fuel: "electric" }],
    ["EV", { fuel: "electric" }],
    ["SUV", { bodyType: "suv" }],
    ["mpv", { bodyType: "mpv" }],
    ["hatchback", { bodyType: "hatchback" }],
    ["sedan", { bodyType: "sedan" }],
    ["pickup", { bodyType: "pickup" }],
    ["pick up", { bodyType: "pickup" }],
    ["mobil bak", { bodyType: "pickup" }],
    ["LCGC", { bodyType: "lcgc" }],
    ["mobil keluarga 7 seater", { bodyType: "mpv" }],
    ["city car", { bodyType: "hatchback" }],
    ["hitam", { color: "hitam" }],
    ["warna putih", { color: "putih" }],
    ["abu2", { color: "abu-abu" }],
    ["abu-abu", { color: "abu-abu" }],
    ["grey", { color: "abu-abu" }],
    ["silver", { color: "silver" }],
    ["maroon", { color: "merah" }],
    ["biru dongker", { color: "biru" }],
    ["km dibawah 50rb", { mileageMax: 50_000 }],
    ["kilometer max 80 ribu", { mileageMax: 80_000 }],
    ["km 30rbuan", { mileageMax: 30_000 }],
    ["odometer dibawah 40.000 km", { mileageMax: 40_000 }],
    ["under 50k km", { mileageMax: 50_000 }],
    ["km dibawah 60", { mileageMax: 60_000 }],
    ["MJ-001", { stockCode: "MJ-001" }],
    ["hx-001 ready?", { stockCode: "HX-001" }],
    ["kode mj 012", { stockCode: "MJ-012" }],
    ["di bandung", { city: "Bandung" }],
    ["di bandun", { city: "Bandung" }],
    ["ada di tangsel?", { city: "Tangerang Selatan" }],
    ["unit jaksel", { city: "Jakarta Selatan" }],
    ["ada di jakarta?", { city: "Jakarta Selatan" }],
    ["ada di medan?", { city: "Medan" }],
    ["avanza 1.5 G", { query: "1.5 G" }],
    ["fortuner vrz 4x2", { query: "4X2 VRZ" }],
  ])("%j", (text, expected) => {
    expect(understand(text).criteria).toMatchObject(expected);
  });

  it.each<[string, keyof SearchCriteria]>([
    ["SUV atau MPV", "bodyType"],
    ["manual atau matic sama aja", "transmission"],
    ["ga harus matic", "transmission"],
    ["jangan yang warna hitam", "color"],
    ["mobil bekas murah", "city"],
    ["calya 2016 km rendah", "mileageMax"],
    ["buku manual lengkap", "transmission"],
    ["hr-v", "stockCode"],
    ["cx-30", "stockCode"],
  ])("%j leaves %s open", (text, field) => {
    expect(understand(text).criteria[field]).toBeUndefined();
  });
});

describe("intents", () => {
  it.each<[string, Intent[]]>([
    ["halo", ["greeting"]],
    ["Assalamualaikum", ["greeting"]],
    ["P", ["greeting"]],
    ["selamat pagi kak", ["greeting"]],
    ["ada avanza?", ["search"]],
    ["rekomendasi mobil keluarga dong", ["search"]],
    ["MJ-001 masih ada?", ["details"]],
    ["pajaknya sampai kapan?", ["details"]],
    ["tangan ke berapa?", ["details"]],
    ["minta foto", ["photos"]],
    ["ada fotonya?", ["photos"]],
    ["bisa kredit?", ["credit"]],
    ["cicilannya berapa", ["credit"]],
    ["dp brp", ["credit"]],
    ["tenor 5 tahun", ["credit"]],
    ["mau test drive", ["visit"]],
    ["mau lihat unit", ["visit"]],
    ["kapan bisa datang ke showroom?", ["visit"]],
    ["mau survey dulu", ["visit"]],
    ["mau bicara dengan sales", ["human"]],
    ["minta nomor admin", ["human"]],
    ["bisa ngobrol sama CS?", ["human"]],
    ["ini bot ya? mau orang asli", ["human"]],
    ["bisa nego?", ["negotiation"]],
    ["kurang berapa?", ["negotiation"]],
    ["harga pas berapa", ["negotiation"]],
    ["ada diskon?", ["negotiation"]],
    ["bisa turun?", ["negotiation"]],
    ["kecewa banget", ["complaint"]],
    ["penipu", ["complaint"]],
    ["lambat banget responnya", ["complaint"]],
    ["mau komplain", ["complaint"]],
    ["makasih", ["thanks"]],
    ["terima kasih kak", ["thanks"]],
    ["thx", ["thanks"]],
    ["nama saya Budi", ["contact_info"]],
    ["0812 3456 7890", ["contact_info"]],
  ])("%j is %j", (text, intents) => {
    expect(understand(text).intents).toEqual(intents);
  });

  it("finds several intents at once, in a fixed order", () => {
    expect(understand("halo kak, avanza 2019 bisa kredit? minta fotonya").intents).toEqual([
      "greeting",
      "search",
      "photos",
      "credit",
    ]);
  });

  it("does not take the honorific 'min' (admin) for a request for a human", () => {
    expect(understand("ada avanza min?").intents).toEqual(["search"]);
  });

  it("does not take 'malam' in the middle of a sentence for a greeting", () => {
    expect(understand("bisa datang malam?").intents).toEqual(["visit"]);
  });
});

describe("language", () => {
  it.each<[string, "id" | "en"]>([
    ["do you have an automatic SUV under 300 million?", "en"],
    ["I'm looking for a family car", "en"],
    ["can I see photos of the Pajero?", "en"],
    ["how much is the Xpander?", "en"],
    ["ada avanza matic?", "id"],
    ["halo kak", "id"],
    ["budget 300 SUV matic", "id"],
    ["thanks kak", "id"],
  ])("%j is %s", (text, language) => {
    expect(understand(text).language).toBe(language);
  });
});

describe("who the buyer is", () => {
  it.each<[string, string | undefined]>([
    ["nama saya Budi", "Budi"],
    ["nama sy andi", "Andi"],
    ["namaku Rina", "Rina"],
    ["saya Rina dari Bekasi", "Rina"],
    ["saya rina dari bekasi", "Rina"],
    ["Ini dengan Pak Joko dari Cimahi", "Joko"],
    ["Selamat siang, dengan Budi Santoso di sini", "Budi Santoso"],
    ["my name is John", "John"],
    ["I'm John from Jakarta", "John"],
    ["saya mau cari avanza", undefined],
    ["saya tunggu ya", undefined],
    ["ini harganya berapa?", undefined],
    ["ini Avanza masih ada?", undefined],
    ["I'm looking for a car", undefined],
  ])("%j -> %s", (text, name) => {
    expect(understand(text).name).toBe(name);
  });

  it.each<[string, string | undefined]>([
    ["0812-3456-7890", "6281234567890"],
    ["081234567890", "6281234567890"],
    ["+62 812 3456 7890", "6281234567890"],
    ["62 857 1234 5678", "6285712345678"],
    ["wa saya 0857.1234.5678", "6285712345678"],
    ["1234567", undefined],
  ])("%j -> %s", (text, phone) => {
    expect(understand(text).phone).toBe(phone);
  });

  it("tells the buyer's home from where the car should be", () => {
    expect(understand("saya Rina dari Bekasi mau tanya brio")).toMatchObject({
      buyerCity: "Bekasi",
      criteria: { model: "Brio" },
    });
    expect(understand("saya Rina dari Bekasi mau tanya brio").criteria.city).toBeUndefined();
    expect(understand("saya domisili di malang, ada unit di surabaya?")).toMatchObject({
      buyerCity: "Malang",
      criteria: { city: "Surabaya" },
    });
    expect(understand("ada unit dari bekasi?").criteria.city).toBe("Bekasi");
  });
});

describe("follow-ups across turns", () => {
  const avanza: SearchCriteria = { brand: "Toyota", model: "Avanza", priceMax: 200n * JT };

  it.each<[string, SearchCriteria, SearchCriteria]>([
    ["yang matic ada?", avanza, { ...avanza, transmission: "automatic" }],
    ["warna hitam?", avanza, { ...avanza, color: "hitam" }],
    [
      "kalau yang 2020?",
      { ...avanza, yearMin: 2017, yearMax: 2019 },
      { ...avanza, yearMin: 2020, yearMax: 2020 },
    ],
    ["2019 ke atas aja", { ...avanza, yearMin: 2017, yearMax: 2017 }, { ...avanza, yearMin: 2019 }],
    ["budget naik jadi 250", avanza, { ...avanza, priceMax: 250n * JT }],
    [
      "kalau Xpander?",
      { ...avanza, transmission: "automatic" },
      { brand: "Mitsubishi", model: "Xpander", priceMax: 200n * JT, transmission: "automatic" },
    ],
    [
      "kalau honda?",
      { bodyType: "suv", priceMax: 300n * JT },
      { brand: "Honda", bodyType: "suv", priceMax: 300n * JT },
    ],
    ["kalau honda?", avanza, { brand: "Honda", priceMax: 200n * JT }],
    ["cari yang lain", avanza, {}],
    ["mobil lain deh, sedan dibawah 150", avanza, { bodyType: "sedan", priceMax: 150n * JT }],
    [
      "model lain dong",
      { ...avanza, transmission: "automatic" },
      { priceMax: 200n * JT, transmission: "automatic" },
    ],
    ["ada warna lain?", { ...avanza, color: "merah" }, avanza],
    ["ada fotonya?", { stockCode: "MJ-005" }, { stockCode: "MJ-005" }],
    ["MJ-005 masih ada?", avanza, { stockCode: "MJ-005" }],
    ["terima kasih", avanza, avanza],
  ])("%j after %o", (text, previous, expected) => {
    expect(understand(text, previous).criteria).toEqual(expected);
  });

  it("reports what the message alone said next to the merged search", () => {
    const result = understand("yang matic ada?", avanza);
    expect(result.statedCriteria).toEqual({ transmission: "automatic" });
    expect(result.reset).toBe(false);
    expect(understand("cari yang lain", avanza).reset).toBe(true);
  });
});

describe("confidence and shape", () => {
  it("is zero when nothing was understood and high when everything was", () => {
    expect(understand("asdfgh qwerty").confidence).toBe(0);
    expect(understand("ok").confidence).toBe(0);
    expect(understand("avanza matic 2019 dibawah 150jt").confidence).toBe(1);
    const partial = understand("avanza buat ojol grab maxim");
    expect(partial.confidence).toBeGreaterThan(0);
    expect(partial.confidence).toBeLessThan(1);
    expect(partial.unrecognized).toEqual(["ojol", "grab", "maxim"]);
  });

  it("always returns criteria that satisfy the SearchCriteria schema", () => {
    for (const { text } of BUYER_MESSAGES) {
      const { criteria, statedCriteria } = understand(text);
      expect(SearchCriteria.safeParse(criteria).success).toBe(true);
      expect(SearchCriteria.safeParse(statedCriteria).success).toBe(true);
      expect(Object.values(criteria)).not.toContain(undefined);
    }
  });

  it("is deterministic", () => {
    const text = "pagi gan, ready innova reborn diesel matic 2018 keatas budget 300an? dp 30%";
    expect(understand(text)).toEqual(understand(text));
  });

  it("copes with empty, long and odd input", () => {
    expect(understand("").intents).toEqual([]);
    expect(understand("🙏🙏🙏").confidence).toBe(0);
    expect(understand("avanza ".repeat(500)).criteria.model).toBe("Avanza");
    expect(understand("AVANZA MATIC 2019 DIBAWAH 150JT").criteria).toMatchObject({
      model: "Avanza",
      transmission: "automatic",
      priceMax: 150n * JT,
    });
  });

  it("stores criteria as JSON and reads them back", () => {
    const criteria: SearchCriteria = {
      brand: "Toyota",
      model: "Avanza",
      priceMin: 135n * JT,
      priceMax: 165n * JT,
      yearMin: 2018,
    };
    const json = JSON.parse(JSON.stringify(storeCriteria(criteria)));
    expect(json.priceMax).toBe("165000000");
    expect(readStoredCriteria(json)).toEqual(criteria);
    expect(readStoredCriteria({ priceMax: 1.5 })).toEqual({});
    expect(readStoredCriteria("nonsense")).toEqual({});
  });
});

describe("labelled buyer messages (tests/eval/buyer-messages.ts)", () => {
  it("has a broad, unique set of cases", () => {
    expect(BUYER_MESSAGES.length).toBeGreaterThanOrEqual(110);
    expect(new Set(BUYER_MESSAGES.map((testCase) => testCase.id)).size).toBe(BUYER_MESSAGES.length);
    expect(
      BUYER_MESSAGES.filter((testCase) => testCase.expect.language === "en").length,
    ).toBeGreaterThanOrEqual(10);
  });

  it.each(BUYER_MESSAGES.map((testCase) => [testCase.id, testCase] as const))("%s", (_id, testCase) => {
    const understanding = understandBuyerMessage(testCase.text, {
      brands: DEMO_STOCK,
      cities: DEMO_CITIES,
      previous: testCase.previous,
      now: EVAL_NOW,
    });
    expect(checkUnderstanding(testCase, understanding)).toEqual([]);
  });
});
