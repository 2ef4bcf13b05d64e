// Indonesian number plates: "B 1234 SJA". The region letters tell where the car is registered;
// the last digit decides ganjil/genap (odd/even) for Jakarta's odd-even traffic rule.
export const PLATE_REGIONS: Record<string, string> = {
  A: "Banten",
  B: "Jakarta, Depok, Tangerang, Bekasi",
  D: "Bandung",
  E: "Cirebon",
  F: "Bogor, Sukabumi",
  T: "Karawang, Purwakarta",
  Z: "Garut, Tasikmalaya",
  G: "Pekalongan, Tegal",
  H: "Semarang",
  K: "Pati, Kudus",
  R: "Banyumas",
  AA: "Magelang, Kedu",
  AB: "Yogyakarta",
  AD: "Surakarta",
  AE: "Madiun",
  AG: "Kediri",
  L: "Surabaya",
  M: "Madura",
  N: "Malang",
  P: "Besuki, Jember",
  S: "Bojonegoro, Mojokerto",
  W: "Sidoarjo, Gresik",
  DK: "Bali",
  DR: "Lombok",
  EA: "Sumbawa",
  DH: "Kupang",
  BL: "Aceh",
  BK: "Sumatera Utara",
  BA: "Sumatera Barat",
  BM: "Riau",
  BP: "Kepulauan Riau",
  BH: "Jambi",
  BG: "Sumatera Selatan",
  BN: "Bangka Belitung",
  BD: "Bengkulu",
  BE: "Lampung",
  KB: "Kalimantan Barat",
  DA: "Kalimantan Selatan",
  KH: "Kalimantan Tengah",
  KT: "Kalimantan Timur",
  KU: "Kalimantan Utara",
  DB: "Sulawesi Utara",
  DL: "Sangihe",
  DM: "Gorontalo",
  DN: "Sulawesi Tengah",
  DD: "Sulawesi Selatan",
  DC: "Sulawesi Barat",
  DT: "Sulawesi Tenggara",
  DE: "Maluku",
  DG: "Maluku Utara",
  PA: "Papua",
  PB: "Papua Barat",
};

export interface Plate {
  normalized: string;
  region: string;
  regionName: string | null;
  parity: "odd" | "even";
}

export function parsePlate(text: string): Plate | null {
  const match = text
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, " ")
    .replace(/\s+/g, "")
    .match(/^([A-Z]{1,2})(\d{1,4})([A-Z]{0,3})$/);
  if (!match) return null;
  const [, region = "", number = "", suffix = ""] = match;
  const lastDigit = Number(number.at(-1));
  return {
    normalized: [region, number, suffix].filter(Boolean).join(" "),
    region,
    regionName: PLATE_REGIONS[region] ?? null,
    parity: lastDigit % 2 === 0 ? "even" : "odd",
  };
}
