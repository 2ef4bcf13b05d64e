// Labelled WhatsApp messages from buyers, as they really type them (typos, slang, emoji, mixed
// case), for scoring the assistant's understanding against the demo showroom's stock. Each case
// lists only what must be understood: fields not named are not checked, except those in `absent`.
import type {
  Financing,
  Intent,
  KnownModel,
  SearchCriteria,
  Understanding,
} from "@/lib/assistant/understand/buyer-message";
import { DEMO_CARS, DEMO_SHOWROOMS } from "@/lib/seed/demo-data";

/** The demo stock's names, as the assistant receives them. */
export const DEMO_STOCK: KnownModel[] = DEMO_CARS.map((car) => ({ brand: car.brand, model: car.model }));

/** Every city a demo showroom sells from. */
export const DEMO_CITIES: string[] = [
  ...new Set(DEMO_SHOWROOMS.flatMap((showroom) => [showroom.city, ...showroom.otherCities])),
];

/** A fixed "today" so relative years ("5 tahun terakhir") score the same every day. */
export const EVAL_NOW = new Date("2025-06-01T08:00:00+07:00");

export interface BuyerMessageExpectation {
  /** Fields the merged criteria must have, with these values. */
  criteria?: SearchCriteria;
  /** Criteria fields that must stay empty (a DP is not a price, a year is not money). */
  absent?: (keyof SearchCriteria)[];
  /** Intents that must be among those found. */
  intents?: Intent[];
  financing?: Financing;
  language?: "id" | "en";
  name?: string;
  phone?: string;
  buyerCity?: string;
  /** Amounts that must be among `mentionedAmounts`. */
  amounts?: bigint[];
}

export interface BuyerMessageCase {
  id: string;
  text: string;
  /** The criteria before this message, for follow-ups. */
  previous?: SearchCriteria;
  expect: BuyerMessageExpectation;
}

const JT = 1_000_000n;

export const BUYER_MESSAGES: BuyerMessageCase[] = [
  // --- Models, brands and misspellings -----------------------------------------------------------
  {
    id: "avansa-typo",
    text: "ada avansa matic 2019 dibawah 150jt?",
    expect: {
      criteria: {
        brand: "Toyota",
        model: "Avanza",
        transmission: "automatic",
        yearMin: 2019,
        yearMax: 2019,
        priceMax: 150n * JT,
      },
      intents: ["search"],
    },
  },
  {
    id: "inova-typo",
    text: "inova diesel thn 2018 ke atas ready gan?",
    expect: {
      criteria: { brand: "Toyota", model: "Kijang Innova", fuel: "diesel", yearMin: 2018 },
      absent: ["yearMax"],
      intents: ["search"],
    },
  },
  {
    id: "xpandr-typo",
    text: "xpandr ultimate brp an skrg kak",
    expect: { criteria: { brand: "Mitsubishi", model: "Xpander" } },
  },
  {
    id: "jaz-typo",
    text: "Jaz RS 2017 ada gk min??",
    expect: {
      criteria: { brand: "Honda", model: "Jazz", yearMin: 2017, yearMax: 2017 },
      intents: ["search"],
    },
  },
  {
    id: "fortuner",
    text: "fortuner vrz 2019-2021 dibawah 500",
    expect: { criteria: { model: "Fortuner", yearMin: 2019, yearMax: 2021, priceMax: 500n * JT } },
  },
  {
    id: "pajero",
    text: "pajero dakar hitam ada ga bos",
    expect: { criteria: { brand: "Mitsubishi", model: "Pajero Sport", color: "hitam" } },
  },
  {
    id: "brio",
    text: "Brio satya 150 jtan 🙏",
    expect: {
      criteria: { brand: "Honda", model: "Brio", priceMin: 135n * JT, priceMax: 165n * JT },
      amounts: [150n * JT],
    },
  },
  {
    id: "ertiga",
    text: "ertiga 2019 bensin manual ada?",
    expect: {
      criteria: { brand: "Suzuki", model: "Ertiga", fuel: "petrol", transmission: "manual", yearMin: 2019 },
    },
  },
  {
    id: "hrv-joined",
    text: "hrv 2018 putih masih ada kak?",
    expect: {
      criteria: { brand: "Honda", model: "HR-V", color: "putih", yearMin: 2018, yearMax: 2018 },
      intents: ["details"],
    },
  },
  {
    id: "hr-v-hyphen",
    text: "HR-V 1.5 E CVT dong",
    expect: { criteria: { model: "HR-V", transmission: "automatic" } },
  },
  {
    id: "crv",
    text: "crv turbo prestige 2019 brp?",
    expect: { criteria: { brand: "Honda", model: "CR-V", yearMin: 2019 } },
  },
  {
    id: "brand-only",
    text: "ada toyota?",
    expect: { criteria: { brand: "Toyota" }, absent: ["model"], intents: ["search"] },
  },
  {
    id: "brand-only-honda",
    text: "Honda apa aja yg ready kak",
    expect: { criteria: { brand: "Honda" }, absent: ["model"], intents: ["search"] },
  },
  {
    id: "model-implies-brand",
    text: "terios 2019",
    expect: { criteria: { brand: "Daihatsu", model: "Terios", yearMin: 2019, yearMax: 2019 } },
  },
  {
    id: "kijang-innova",
    text: "kijang innova reborn 2.4 V diesel",
    expect: { criteria: { model: "Kijang Innova", fuel: "diesel" } },
  },
  {
    id: "pajero-sport-full",
    text: "PAJERO SPORT DAKAR 4X2 2018",
    expect: { criteria: { model: "Pajero Sport", yearMin: 2018, yearMax: 2018 } },
  },
  {
    id: "xl7",
    text: "xl7 alpha matic 2021 abu2",
    expect: {
      criteria: { brand: "Suzuki", model: "XL7", transmission: "automatic", color: "abu-abu", yearMin: 2021 },
    },
  },
  {
    id: "calya",
    text: "calya 2016 km rendah",
    expect: {
      criteria: { brand: "Toyota", model: "Calya", yearMin: 2016, yearMax: 2016 },
      absent: ["mileageMax"],
    },
  },
  {
    id: "sigra",
    text: "sigra yg 7 seater masih ada?",
    expect: { criteria: { brand: "Daihatsu", model: "Sigra" } },
  },
  {
    id: "ayla",
    text: "ayla 2018 atau sigra, maks 100 jt",
    expect: { criteria: { model: "Ayla", yearMin: 2018, yearMax: 2018, priceMax: 100n * JT } },
  },
  {
    id: "mobilio",
    text: "mobilio e 2017 manual",
    expect: { criteria: { brand: "Honda", model: "Mobilio", transmission: "manual", yearMin: 2017 } },
  },
  {
    id: "city-model",
    text: "honda city hatchback rs 2021",
    expect: { criteria: { brand: "Honda", model: "City", bodyType: "hatchback", yearMin: 2021 } },
  },
  {
    id: "yaris",
    text: "yaris trd sportivo 2014 ada?",
    expect: { criteria: { brand: "Toyota", model: "Yaris", yearMin: 2014 } },
  },
  {
    id: "rush",
    text: "Rush TRD 2018 matic",
    expect: { criteria: { brand: "Toyota", model: "Rush", transmission: "automatic", yearMin: 2018 } },
  },
  {
    id: "xenia",
    text: "xenia 2014 kebawah ada?",
    expect: { criteria: { brand: "Daihatsu", model: "Xenia", yearMax: 2014 }, absent: ["yearMin"] },
  },
  {
    id: "livina",
    text: "nissan livina 2015 1.5",
    expect: {
      criteria: { brand: "Nissan", model: "Livina", yearMin: 2015 },
      absent: ["priceMax", "priceMin"],
    },
  },
  {
    id: "creta",
    text: "Hyundai creta 2022 matic",
    expect: { criteria: { brand: "Hyundai", model: "Creta", transmission: "automatic", yearMin: 2022 } },
  },
  {
    id: "altis",
    text: "corolla altis hybrid ready?",
    expect: { criteria: { brand: "Toyota", model: "Corolla Altis", fuel: "hybrid" } },
  },
  {
    id: "civic",
    text: "civic turbo 2017 merah",
    expect: { criteria: { brand: "Honda", model: "Civic", color: "merah", yearMin: 2017 } },
  },
  {
    id: "wuling-air-ev",
    text: "ada wuling air ev?",
    expect: { criteria: { brand: "Wuling", model: "Air ev", fuel: "electric" } },
  },
  {
    id: "l300",
    text: "L300 pick up 2019 solar",
    expect: { criteria: { brand: "Mitsubishi", model: "L300", bodyType: "pickup", fuel: "diesel" } },
  },
  {
    id: "carry-bak",
    text: "carry bak 2018",
    expect: { criteria: { brand: "Suzuki", model: "Carry", bodyType: "pickup", yearMin: 2018 } },
  },
  {
    id: "not-in-stock",
    text: "ada alphard?",
    expect: { criteria: { brand: "Toyota", model: "Alphard" }, intents: ["search"] },
  },
  {
    id: "agya-not-in-stock",
    text: "agya 2019 dibawah 110jt",
    expect: { criteria: { brand: "Toyota", model: "Agya", priceMax: 110n * JT } },
  },
  { id: "mazda-brand", text: "ada mazda cx-5?", expect: { criteria: { brand: "Mazda", model: "CX-5" } } },
  {
    id: "two-models",
    text: "fortuner atau pajero yg 2017an",
    expect: { criteria: { model: "Fortuner", yearMin: 2016, yearMax: 2018 } },
  },
  {
    id: "suffix-nya",
    text: "avanzanya masih ada kak?",
    expect: { criteria: { model: "Avanza" }, intents: ["details"] },
  },

  // --- Years ----------------------------------------------------------------------------------
  {
    id: "year-up",
    text: "2019 ke atas budget 200",
    expect: { criteria: { yearMin: 2019, priceMax: 200n * JT }, absent: ["yearMax"] },
  },
  {
    id: "year-min",
    text: "minimal 2018 ya kak",
    expect: { criteria: { yearMin: 2018 }, absent: ["priceMin"] },
  },
  {
    id: "year-range",
    text: "tahun 2017-2020 matic",
    expect: {
      criteria: { yearMin: 2017, yearMax: 2020, transmission: "automatic" },
      absent: ["priceMin", "priceMax"],
    },
  },
  {
    id: "year-below",
    text: "dibawah 2015 aja yg murah",
    expect: { criteria: { yearMax: 2014 }, absent: ["priceMax"] },
  },
  {
    id: "year-decade",
    text: "mobil 2020an",
    expect: { criteria: { yearMin: 2020 }, absent: ["priceMin", "priceMax"] },
  },
  { id: "year-around", text: "innova 2018an", expect: { criteria: { yearMin: 2017, yearMax: 2019 } } },
  { id: "year-short", text: "th 19 keatas", expect: { criteria: { yearMin: 2019 }, absent: ["priceMin"] } },
  {
    id: "year-short-exact",
    text: "tahun 18 matic",
    expect: { criteria: { yearMin: 2018, yearMax: 2018, transmission: "automatic" } },
  },
  {
    id: "year-recent",
    text: "mobil 5 tahun terakhir budget 250",
    expect: { criteria: { yearMin: 2020, priceMax: 250n * JT } },
  },
  {
    id: "year-age",
    text: "umur dibawah 5 tahun",
    expect: { criteria: { yearMin: 2020 }, absent: ["priceMax"] },
  },
  {
    id: "year-between",
    text: "antara 2016 sampai 2018",
    expect: { criteria: { yearMin: 2016, yearMax: 2018 } },
  },
  {
    id: "year-plus",
    text: "xpander 2018+",
    expect: { criteria: { model: "Xpander", yearMin: 2018 }, absent: ["yearMax"] },
  },
  {
    id: "year-words",
    text: "avanza tahun dua ribu sembilan belas",
    expect: { criteria: { model: "Avanza", yearMin: 2019, yearMax: 2019 } },
  },

  // --- Money ----------------------------------------------------------------------------------
  {
    id: "juta",
    text: "budget 200 juta dapet apa ya",
    expect: { criteria: { priceMax: 200n * JT }, intents: ["search"] },
  },
  { id: "jt-glued", text: "150jt ada mobil apa kak", expect: { criteria: { priceMax: 150n * JT } } },
  { id: "miliar", text: "ada yg 1,2 M?", expect: { criteria: { priceMax: 1_200n * JT } } },
  {
    id: "rupiah-dots",
    text: "Rp 185.000.000 nett?",
    expect: { criteria: { priceMax: 185n * JT }, intents: ["negotiation"], amounts: [185n * JT] },
  },
  { id: "decimal-jt", text: "harga 185,5 jt", expect: { amounts: [185_500_000n] } },
  { id: "bare-under", text: "dibawah 300 ada apa aja gan", expect: { criteria: { priceMax: 300n * JT } } },
  { id: "bare-budget", text: "budget 300", expect: { criteria: { priceMax: 300n * JT } } },
  { id: "maks", text: "maks 250jt", expect: { criteria: { priceMax: 250n * JT } } },
  {
    id: "above",
    text: "diatas 200 ada?",
    expect: { criteria: { priceMin: 200n * JT }, absent: ["priceMax"] },
  },
  {
    id: "minimal-money",
    text: "minimal 200",
    expect: { criteria: { priceMin: 200n * JT }, absent: ["yearMin"] },
  },
  {
    id: "around-an",
    text: "200an ada apa",
    expect: { criteria: { priceMin: 180n * JT, priceMax: 220n * JT } },
  },
  {
    id: "range-juta",
    text: "100-150 juta",
    expect: { criteria: { priceMin: 100n * JT, priceMax: 150n * JT } },
  },
  {
    id: "words-150",
    text: "seratus lima puluh juta dapat apa",
    expect: { criteria: { priceMax: 150n * JT } },
  },
  { id: "words-200", text: "budget dua ratus juta", expect: { criteria: { priceMax: 200n * JT } } },
  {
    id: "words-miliar",
    text: "satu koma dua miliar ada SUV?",
    expect: { criteria: { priceMax: 1_200n * JT, bodyType: "suv" } },
  },
  {
    id: "engine-not-money",
    text: "avanza 1.5 G 2020",
    expect: { criteria: { model: "Avanza", yearMin: 2020, yearMax: 2020 }, absent: ["priceMin", "priceMax"] },
  },
  {
    id: "year-not-money",
    text: "jazz 2020",
    expect: { criteria: { model: "Jazz", yearMin: 2020 }, absent: ["priceMin", "priceMax"] },
  },
  {
    id: "range-mixed-units",
    text: "harga 350 - 400 jt",
    expect: { criteria: { priceMin: 350n * JT, priceMax: 400n * JT } },
  },
  {
    id: "between-money",
    text: "antara 100 dan 150 juta",
    expect: { criteria: { priceMin: 100n * JT, priceMax: 150n * JT } },
  },
  {
    id: "miliar-range",
    text: "1-1,5 M",
    expect: { criteria: { priceMin: 1_000n * JT, priceMax: 1_500n * JT } },
  },
  {
    id: "around-jtan",
    text: "pajero sport 2018 hitam, harga 400jtan?",
    expect: { criteria: { model: "Pajero Sport", priceMin: 360n * JT, priceMax: 440n * JT } },
  },
  { id: "rp-glued", text: "Rp150.000.000 ada mobil apa", expect: { criteria: { priceMax: 150n * JT } } },
  { id: "digits-and-words", text: "2 ratus jt ada?", expect: { criteria: { priceMax: 200n * JT } } },
  {
    id: "min-and-max",
    text: "diatas 100 dibawah 200",
    expect: { criteria: { priceMin: 100n * JT, priceMax: 200n * JT } },
  },
  {
    id: "under-words",
    text: "ada mobil dibawah seratus juta?",
    expect: { criteria: { priceMax: 100n * JT } },
  },
  { id: "kebawah-money", text: "150 kebawah ada?", expect: { criteria: { priceMax: 150n * JT } } },

  // --- Financing is not a price ---------------------------------------------------------------
  {
    id: "dp-cicilan-tenor",
    text: "DP 30jt cicilan 5jt/bulan tenor 4 tahun bisa?",
    expect: {
      financing: { downPayment: 30n * JT, monthlyBudget: 5n * JT, tenorMonths: 48 },
      absent: ["priceMax", "priceMin", "yearMin"],
      intents: ["credit"],
    },
  },
  {
    id: "dp-percent",
    text: "dp 20% x47 berapa angsurannya",
    expect: { financing: { downPaymentPercent: 20, tenorMonths: 47 }, intents: ["credit"] },
  },
  {
    id: "dp-only",
    text: "dp 25 jt bisa bawa pulang xpander?",
    expect: {
      financing: { downPayment: 25n * JT },
      criteria: { model: "Xpander" },
      absent: ["priceMax"],
      intents: ["credit"],
    },
  },
  {
    id: "kredit-tenor",
    text: "kredit avanza dp 25 jt tenor 3 tahun cicilan brp?",
    expect: {
      financing: { downPayment: 25n * JT, tenorMonths: 36 },
      criteria: { model: "Avanza" },
      intents: ["credit"],
    },
  },
  {
    id: "x59",
    text: "DP 50 juta, angsuran berapa x 59?",
    expect: { financing: { downPayment: 50n * JT, tenorMonths: 59 }, absent: ["priceMax"] },
  },
  {
    id: "monthly-sebulan",
    text: "cicilan max 4jt sebulan bisa dapat apa ya",
    expect: { financing: { monthlyBudget: 4n * JT }, absent: ["priceMax"], intents: ["credit"] },
  },
  {
    id: "monthly-times",
    text: "angsuran 3,5jt x 59",
    expect: { financing: { monthlyBudget: 3_500_000n, tenorMonths: 59 } },
  },
  {
    id: "tenor-words",
    text: "bisa kredit tenor lima tahun?",
    expect: { financing: { tenorMonths: 60 }, intents: ["credit"] },
  },
  {
    id: "price-and-dp",
    text: "avanza 2019 harga 170an, dp 30 bisa?",
    expect: {
      criteria: { model: "Avanza", priceMin: 153n * JT, priceMax: 187n * JT },
      financing: { downPayment: 30n * JT },
    },
  },
  {
    id: "credit-question",
    text: "bisa kredit gk? dp brp?",
    expect: { intents: ["credit"], absent: ["priceMax"] },
  },

  // --- Transmission, fuel, body, colour, city, mileage, stock code --------------------------
  { id: "metik", text: "yg metik ada?", expect: { criteria: { transmission: "automatic" } } },
  {
    id: "at-uppercase",
    text: "Innova AT 2017",
    expect: { criteria: { model: "Kijang Innova", transmission: "automatic" } },
  },
  { id: "mt", text: "brio MT 2016", expect: { criteria: { model: "Brio", transmission: "manual" } } },
  { id: "cvt", text: "jazz cvt", expect: { criteria: { transmission: "automatic" } } },
  {
    id: "not-manual",
    text: "jangan yang manual ya kak, istri gak bisa",
    expect: { criteria: { transmission: "automatic" } },
  },
  {
    id: "solar",
    text: "cari pick up solar",
    expect: { criteria: { bodyType: "pickup", fuel: "diesel" }, intents: ["search"] },
  },
  {
    id: "listrik",
    text: "min, ada mobil listrik?",
    expect: { criteria: { fuel: "electric" }, intents: ["search"] },
  },
  { id: "hybrid", text: "ada yang hybrid ga?", expect: { criteria: { fuel: "hybrid" } } },
  {
    id: "mpv-family",
    text: "mobil keluarga 7 seater dibawah 200",
    expect: { criteria: { bodyType: "mpv", priceMax: 200n * JT } },
  },
  { id: "lcgc", text: "ada LCGC yg murah? 😁", expect: { criteria: { bodyType: "lcgc" } } },
  {
    id: "sedan-city",
    text: "mobil sedan dibawah 200 jt, kota surabaya",
    expect: { criteria: { bodyType: "sedan", priceMax: 200n * JT, city: "Surabaya" } },
  },
  {
    id: "city-car",
    text: "city car matic buat istri budget 120",
    expect: {
      criteria: { bodyType: "hatchback", transmission: "automatic", priceMax: 120n * JT },
      absent: ["model"],
    },
  },
  { id: "suv-hatch", text: "SUV atau hatchback?", expect: { absent: ["bodyType"] } },
  { id: "colour", text: "warna hitam ada?", expect: { criteria: { color: "hitam" } } },
  { id: "colour-silver", text: "yang silver 2019", expect: { criteria: { color: "silver", yearMin: 2019 } } },
  { id: "city-fuzzy", text: "ada unit di bandun?", expect: { criteria: { city: "Bandung" } } },
  { id: "city-alias", text: "ada unit di tangsel?", expect: { criteria: { city: "Tangerang Selatan" } } },
  { id: "city-not-bekas", text: "mobil bekas murah", expect: { absent: ["city"] } },
  {
    id: "mileage",
    text: "km dibawah 50rb",
    expect: { criteria: { mileageMax: 50_000 }, absent: ["priceMax"] },
  },
  {
    id: "mileage-max",
    text: "kilometer max 80 ribu",
    expect: { criteria: { mileageMax: 80_000 }, absent: ["priceMax"] },
  },
  { id: "mileage-after", text: "odometer dibawah 40.000 km", expect: { criteria: { mileageMax: 40_000 } } },
  {
    id: "stock-code",
    text: "MJ-001 masih ada?",
    expect: { criteria: { stockCode: "MJ-001" }, intents: ["details"] },
  },
  {
    id: "stock-code-visit",
    text: "mau liat unit SM-012 besok bisa?",
    expect: { criteria: { stockCode: "SM-012" }, intents: ["details", "visit"] },
  },

  // --- Intents --------------------------------------------------------------------------------
  { id: "greeting", text: "Assalamualaikum", expect: { intents: ["greeting"] } },
  { id: "greeting-p", text: "P", expect: { intents: ["greeting"] } },
  {
    id: "greeting-search",
    text: "pagi gan, ready innova reborn diesel matic?",
    expect: {
      intents: ["greeting", "search"],
      criteria: { model: "Kijang Innova", fuel: "diesel", transmission: "automatic" },
    },
  },
  { id: "photos", text: "kak ada foto interiornya? 🙏", expect: { intents: ["photos"] } },
  { id: "photos-2", text: "minta fotonya dong", expect: { intents: ["photos"] } },
  { id: "visit", text: "mau test drive sabtu ini bisa?", expect: { intents: ["visit"] } },
  { id: "visit-address", text: "alamat showroom dimana ya", expect: { intents: ["visit"] } },
  { id: "human", text: "mau bicara dengan sales aja", expect: { intents: ["human"] } },
  { id: "human-2", text: "ini bot ya? mau ngobrol sama orang asli", expect: { intents: ["human"] } },
  { id: "nego", text: "bisa nego? harga pas berapa", expect: { intents: ["negotiation"] } },
  { id: "nego-2", text: "harga terakhir berapa? bisa turun dikit?", expect: { intents: ["negotiation"] } },
  { id: "nego-kurang", text: "kurang berapa gan", expect: { intents: ["negotiation"] } },
  { id: "complaint", text: "kok lama banget bales nya, kecewa saya", expect: { intents: ["complaint"] } },
  { id: "complaint-2", text: "penipu, mobilnya ternyata sudah laku!!", expect: { intents: ["complaint"] } },
  { id: "thanks", text: "makasih gan 👍", expect: { intents: ["thanks"] } },
  { id: "thanks-2", text: "oke terima kasih infonya kak", expect: { intents: ["thanks"] } },
  { id: "details-tax", text: "pajak sampai kapan? tangan ke berapa?", expect: { intents: ["details"] } },
  {
    id: "contact",
    text: "Halo kak, nama saya Budi, no wa 0812-3456-7890",
    expect: {
      intents: ["greeting", "contact_info"],
      name: "Budi",
      phone: "6281234567890",
      absent: ["priceMax", "priceMin"],
    },
  },
  {
    id: "contact-home",
    text: "saya Rina dari Bekasi mau tanya brio",
    expect: {
      name: "Rina",
      buyerCity: "Bekasi",
      criteria: { model: "Brio" },
      absent: ["city"],
      intents: ["contact_info", "search"],
    },
  },
  {
    id: "contact-phone-intl",
    text: "tolong hubungi saya di +62 857 1234 5678",
    expect: { phone: "6285712345678", intents: ["human", "contact_info"], absent: ["priceMax"] },
  },
  {
    id: "contact-name-honorific",
    text: "Ini dengan Pak Joko dari Cimahi",
    expect: { name: "Joko", buyerCity: "Cimahi", intents: ["contact_info"] },
  },
  {
    id: "multi-intent",
    text: "halo kak, avanza 2019 bisa kredit? minta fotonya",
    expect: {
      intents: ["greeting", "search", "credit", "photos"],
      criteria: { model: "Avanza", yearMin: 2019 },
    },
  },
  {
    id: "search-need",
    text: "sy cari mobil dibawah 100jt utk anak kuliah",
    expect: { intents: ["search"], criteria: { priceMax: 100n * JT }, absent: ["model"] },
  },
  {
    id: "search-7-seater",
    text: "butuh mobil 7 seater budget 150-200jt, domisili depok",
    expect: {
      criteria: { bodyType: "mpv", priceMin: 150n * JT, priceMax: 200n * JT },
      buyerCity: "Depok",
      absent: ["city"],
    },
  },

  // --- Follow-ups -----------------------------------------------------------------------------
  {
    id: "follow-matic",
    text: "yang matic ada?",
    previous: { brand: "Toyota", model: "Avanza", priceMax: 200n * JT },
    expect: {
      criteria: { brand: "Toyota", model: "Avanza", priceMax: 200n * JT, transmission: "automatic" },
    },
  },
  {
    id: "follow-year",
    text: "kalau yang 2020?",
    previous: { brand: "Toyota", model: "Avanza", yearMin: 2017, yearMax: 2019 },
    expect: { criteria: { model: "Avanza", yearMin: 2020, yearMax: 2020 } },
  },
  {
    id: "follow-colour",
    text: "warna hitam?",
    previous: { brand: "Honda", model: "Brio", priceMax: 180n * JT },
    expect: { criteria: { model: "Brio", priceMax: 180n * JT, color: "hitam" } },
  },
  {
    id: "follow-new-model",
    text: "kalau Xpander?",
    previous: { brand: "Toyota", model: "Avanza", priceMax: 200n * JT, transmission: "automatic" },
    expect: {
      criteria: { brand: "Mitsubishi", model: "Xpander", priceMax: 200n * JT, transmission: "automatic" },
    },
  },
  {
    id: "follow-new-brand",
    text: "kalau honda?",
    previous: { bodyType: "suv", priceMax: 300n * JT, transmission: "automatic" },
    expect: { criteria: { brand: "Honda", bodyType: "suv", priceMax: 300n * JT, transmission: "automatic" } },
  },
  {
    id: "follow-reset",
    text: "cari yang lain aja deh",
    previous: { brand: "Toyota", model: "Avanza", priceMax: 200n * JT },
    expect: { absent: ["brand", "model", "priceMax"], intents: ["search"] },
  },
  {
    id: "follow-reset-new",
    text: "mobil lain deh, sedan dibawah 150",
    previous: { brand: "Honda", model: "HR-V", priceMax: 300n * JT },
    expect: { criteria: { bodyType: "sedan", priceMax: 150n * JT }, absent: ["brand", "model"] },
  },
  {
    id: "follow-budget",
    text: "budget naik jadi 250 deh",
    previous: { brand: "Honda", model: "Brio", priceMax: 180n * JT },
    expect: { criteria: { model: "Brio", priceMax: 250n * JT } },
  },
  {
    id: "follow-photos",
    text: "ada fotonya?",
    previous: { stockCode: "MJ-005" },
    expect: { criteria: { stockCode: "MJ-005" }, intents: ["photos"] },
  },

  // --- English --------------------------------------------------------------------------------
  {
    id: "en-suv",
    text: "do you have an automatic SUV under 300 million?",
    expect: {
      language: "en",
      criteria: { transmission: "automatic", bodyType: "suv", priceMax: 300n * JT },
      intents: ["search"],
    },
  },
  {
    id: "en-crv",
    text: "I'm looking for a Honda CR-V 2018 or newer, budget around 400 million",
    expect: {
      language: "en",
      criteria: { model: "CR-V", yearMin: 2018, priceMin: 360n * JT, priceMax: 440n * JT },
    },
  },
  {
    id: "en-fortuner",
    text: "any Toyota Fortuner diesel below 500m?",
    expect: { language: "en", criteria: { model: "Fortuner", fuel: "diesel", priceMax: 500n * JT } },
  },
  {
    id: "en-photos",
    text: "can I see photos of the Pajero?",
    expect: { language: "en", intents: ["photos"], criteria: { model: "Pajero Sport" } },
  },
  { id: "en-nego", text: "is the price negotiable?", expect: { language: "en", intents: ["negotiation"] } },
  { id: "en-human", text: "I want to talk to a real person", expect: { language: "en", intents: ["human"] } },
  {
    id: "en-contact",
    text: "my name is John, my number is +62 812 9876 5432",
    expect: { language: "en", name: "John", phone: "6281298765432", intents: ["contact_info"] },
  },
  {
    id: "en-dp",
    text: "can I pay in installments with 30% down payment?",
    expect: { language: "en", intents: ["credit"], financing: { downPaymentPercent: 30 } },
  },
  {
    id: "en-visit",
    text: "where is your showroom? can I come for a test drive on Saturday?",
    expect: { language: "en", intents: ["visit"] },
  },
  { id: "en-thanks", text: "thank you, will come tomorrow", expect: { language: "en", intents: ["thanks"] } },
  {
    id: "en-family",
    text: "Looking for a family car, black, less than 200 million, 2019 or newer",
    expect: {
      language: "en",
      criteria: { bodyType: "mpv", color: "hitam", priceMax: 200n * JT, yearMin: 2019 },
    },
  },
  {
    id: "en-words",
    text: "hi, any Brio for two hundred million?",
    expect: { language: "en", criteria: { model: "Brio", priceMax: 200n * JT } },
  },
];

const show = (value: unknown) => (typeof value === "bigint" ? `${value}n` : JSON.stringify(value));

/** Every way `understanding` falls short of the case's expectation; empty when it meets it. */
export function checkUnderstanding(testCase: BuyerMessageCase, understanding: Understanding): string[] {
  const problems: string[] = [];
  const { expect } = testCase;
  for (const [key, expected] of Object.entries(expect.criteria ?? {})) {
    const actual: unknown = understanding.criteria[key as keyof SearchCriteria];
    if (actual !== expected)
      problems.push(`criteria.${key}: expected ${show(expected)}, got ${show(actual)}`);
  }
  for (const key of expect.absent ?? []) {
    const actual: unknown = understanding.criteria[key];
    if (actual !== undefined) problems.push(`criteria.${key}: expected nothing, got ${show(actual)}`);
  }
  for (const intent of expect.intents ?? []) {
    if (!understanding.intents.includes(intent))
      problems.push(`intent ${intent} missing (got ${understanding.intents.join(", ") || "none"})`);
  }
  for (const [key, expected] of Object.entries(expect.financing ?? {})) {
    const actual: unknown = understanding.financing[key as keyof Financing];
    if (actual !== expected)
      problems.push(`financing.${key}: expected ${show(expected)}, got ${show(actual)}`);
  }
  if (expect.language && understanding.language !== expect.language)
    problems.push(`language: expected ${expect.language}, got ${understanding.language}`);
  if (expect.name && understanding.name !== expect.name)
    problems.push(`name: expected ${expect.name}, got ${show(understanding.name)}`);
  if (expect.phone && understanding.phone !== expect.phone)
    problems.push(`phone: expected ${expect.phone}, got ${show(understanding.phone)}`);
  if (expect.buyerCity && understanding.buyerCity !== expect.buyerCity)
    problems.push(`buyerCity: expected ${expect.buyerCity}, got ${show(understanding.buyerCity)}`);
  for (const amount of expect.amounts ?? []) {
    if (!understanding.mentionedAmounts.includes(amount))
      problems.push(`amount ${amount}n not among mentioned amounts`);
  }
  return problems;
}
