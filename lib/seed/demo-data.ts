// The demo showrooms, their staff and the cars they sell: realistic for the Indonesian market.
export const DEMO_PASSWORD = "demo12345";

type BodyType = "mpv" | "suv" | "hatchback" | "sedan" | "pickup" | "lcgc";
type Fuel = "petrol" | "diesel" | "hybrid" | "electric";

export interface DemoCar {
  brand: string;
  model: string;
  variant: string;
  bodyType: BodyType;
  fuel: Fuel;
  engineCc: number | null;
  seats: number;
  /** Approximate new-car price in Rupiah, from which the used price is derived by age. */
  newPrice: number;
  automaticShare: number;
  features: string[];
}

const COMMON = ["AC double blower", "Power window", "Central lock"];

export const DEMO_CARS: DemoCar[] = [
  {
    brand: "Toyota",
    model: "Avanza",
    variant: "1.5 G",
    bodyType: "mpv",
    fuel: "petrol",
    engineCc: 1496,
    seats: 7,
    newPrice: 265_000_000,
    automaticShare: 0.5,
    features: COMMON,
  },
  {
    brand: "Toyota",
    model: "Kijang Innova",
    variant: "2.4 V Diesel",
    bodyType: "mpv",
    fuel: "diesel",
    engineCc: 2393,
    seats: 7,
    newPrice: 480_000_000,
    automaticShare: 0.7,
    features: [...COMMON, "Captain seat", "Kamera mundur"],
  },
  {
    brand: "Toyota",
    model: "Fortuner",
    variant: "2.4 VRZ 4x2",
    bodyType: "suv",
    fuel: "diesel",
    engineCc: 2393,
    seats: 7,
    newPrice: 620_000_000,
    automaticShare: 0.9,
    features: [...COMMON, "Sunroof", "Kamera 360"],
  },
  {
    brand: "Toyota",
    model: "Rush",
    variant: "1.5 S TRD",
    bodyType: "suv",
    fuel: "petrol",
    engineCc: 1496,
    seats: 7,
    newPrice: 310_000_000,
    automaticShare: 0.6,
    features: COMMON,
  },
  {
    brand: "Toyota",
    model: "Calya",
    variant: "1.2 G",
    bodyType: "lcgc",
    fuel: "petrol",
    engineCc: 1197,
    seats: 7,
    newPrice: 180_000_000,
    automaticShare: 0.4,
    features: COMMON,
  },
  {
    brand: "Toyota",
    model: "Yaris",
    variant: "1.5 TRD Sportivo",
    bodyType: "hatchback",
    fuel: "petrol",
    engineCc: 1496,
    seats: 5,
    newPrice: 300_000_000,
    automaticShare: 0.8,
    features: [...COMMON, "Keyless entry"],
  },
  {
    brand: "Honda",
    model: "Brio",
    variant: "1.2 RS",
    bodyType: "hatchback",
    fuel: "petrol",
    engineCc: 1199,
    seats: 5,
    newPrice: 235_000_000,
    automaticShare: 0.6,
    features: COMMON,
  },
  {
    brand: "Honda",
    model: "Jazz",
    variant: "1.5 RS",
    bodyType: "hatchback",
    fuel: "petrol",
    engineCc: 1497,
    seats: 5,
    newPrice: 290_000_000,
    automaticShare: 0.8,
    features: [...COMMON, "Paddle shift"],
  },
  {
    brand: "Honda",
    model: "HR-V",
    variant: "1.5 E",
    bodyType: "suv",
    fuel: "petrol",
    engineCc: 1497,
    seats: 5,
    newPrice: 380_000_000,
    automaticShare: 0.9,
    features: [...COMMON, "Cruise control"],
  },
  {
    brand: "Honda",
    model: "CR-V",
    variant: "1.5 Turbo Prestige",
    bodyType: "suv",
    fuel: "petrol",
    engineCc: 1498,
    seats: 7,
    newPrice: 720_000_000,
    automaticShare: 1,
    features: [...COMMON, "Sunroof", "Honda Sensing"],
  },
  {
    brand: "Honda",
    model: "Mobilio",
    variant: "1.5 E",
    bodyType: "mpv",
    fuel: "petrol",
    engineCc: 1497,
    seats: 7,
    newPrice: 260_000_000,
    automaticShare: 0.5,
    features: COMMON,
  },
  {
    brand: "Honda",
    model: "City",
    variant: "1.5 RS Hatchback",
    bodyType: "hatchback",
    fuel: "petrol",
    engineCc: 1498,
    seats: 5,
    newPrice: 370_000_000,
    automaticShare: 0.9,
    features: COMMON,
  },
  {
    brand: "Daihatsu",
    model: "Xenia",
    variant: "1.3 R",
    bodyType: "mpv",
    fuel: "petrol",
    engineCc: 1329,
    seats: 7,
    newPrice: 240_000_000,
    automaticShare: 0.4,
    features: COMMON,
  },
  {
    brand: "Daihatsu",
    model: "Terios",
    variant: "1.5 R Custom",
    bodyType: "suv",
    fuel: "petrol",
    engineCc: 1496,
    seats: 7,
    newPrice: 290_000_000,
    automaticShare: 0.5,
    features: COMMON,
  },
  {
    brand: "Daihatsu",
    model: "Sigra",
    variant: "1.2 R",
    bodyType: "lcgc",
    fuel: "petrol",
    engineCc: 1197,
    seats: 7,
    newPrice: 165_000_000,
    automaticShare: 0.3,
    features: COMMON,
  },
  {
    brand: "Daihatsu",
    model: "Ayla",
    variant: "1.2 R",
    bodyType: "lcgc",
    fuel: "petrol",
    engineCc: 1198,
    seats: 5,
    newPrice: 160_000_000,
    automaticShare: 0.4,
    features: COMMON,
  },
  {
    brand: "Mitsubishi",
    model: "Xpander",
    variant: "1.5 Ultimate",
    bodyType: "mpv",
    fuel: "petrol",
    engineCc: 1499,
    seats: 7,
    newPrice: 320_000_000,
    automaticShare: 0.7,
    features: [...COMMON, "Kamera mundur"],
  },
  {
    brand: "Mitsubishi",
    model: "Pajero Sport",
    variant: "2.4 Dakar 4x2",
    bodyType: "suv",
    fuel: "diesel",
    engineCc: 2442,
    seats: 7,
    newPrice: 640_000_000,
    automaticShare: 0.95,
    features: [...COMMON, "Sunroof"],
  },
  {
    brand: "Mitsubishi",
    model: "L300",
    variant: "2.2 Pick Up",
    bodyType: "pickup",
    fuel: "diesel",
    engineCc: 2268,
    seats: 3,
    newPrice: 240_000_000,
    automaticShare: 0,
    features: ["Power steering"],
  },
  {
    brand: "Suzuki",
    model: "Ertiga",
    variant: "1.5 GX",
    bodyType: "mpv",
    fuel: "petrol",
    engineCc: 1462,
    seats: 7,
    newPrice: 270_000_000,
    automaticShare: 0.5,
    features: COMMON,
  },
  {
    brand: "Suzuki",
    model: "XL7",
    variant: "1.5 Alpha",
    bodyType: "suv",
    fuel: "petrol",
    engineCc: 1462,
    seats: 7,
    newPrice: 300_000_000,
    automaticShare: 0.6,
    features: COMMON,
  },
  {
    brand: "Suzuki",
    model: "Carry",
    variant: "1.5 Pick Up",
    bodyType: "pickup",
    fuel: "petrol",
    engineCc: 1462,
    seats: 3,
    newPrice: 170_000_000,
    automaticShare: 0,
    features: ["Power steering"],
  },
  {
    brand: "Nissan",
    model: "Livina",
    variant: "1.5 VL",
    bodyType: "mpv",
    fuel: "petrol",
    engineCc: 1499,
    seats: 7,
    newPrice: 290_000_000,
    automaticShare: 0.6,
    features: COMMON,
  },
  {
    brand: "Hyundai",
    model: "Creta",
    variant: "1.5 Prime",
    bodyType: "suv",
    fuel: "petrol",
    engineCc: 1497,
    seats: 5,
    newPrice: 400_000_000,
    automaticShare: 1,
    features: [...COMMON, "Panoramic sunroof"],
  },
  {
    brand: "Toyota",
    model: "Corolla Altis",
    variant: "1.8 Hybrid",
    bodyType: "sedan",
    fuel: "hybrid",
    engineCc: 1798,
    seats: 5,
    newPrice: 560_000_000,
    automaticShare: 1,
    features: [...COMMON, "Toyota Safety Sense"],
  },
  {
    brand: "Honda",
    model: "Civic",
    variant: "1.5 Turbo",
    bodyType: "sedan",
    fuel: "petrol",
    engineCc: 1498,
    seats: 5,
    newPrice: 560_000_000,
    automaticShare: 1,
    features: [...COMMON, "Sunroof"],
  },
  {
    brand: "Wuling",
    model: "Air ev",
    variant: "Long Range",
    bodyType: "hatchback",
    fuel: "electric",
    engineCc: null,
    seats: 4,
    newPrice: 300_000_000,
    automaticShare: 1,
    features: ["Layar sentuh 10 inci", "Keyless entry"],
  },
];

export const DEMO_COLORS = [
  { name: "Putih", en: "White", hex: "#f4f4f2" },
  { name: "Hitam", en: "Black", hex: "#1d1f22" },
  { name: "Silver", en: "Silver", hex: "#b9bdc2" },
  { name: "Abu-abu", en: "Grey", hex: "#6b7078" },
  { name: "Merah", en: "Red", hex: "#b3202a" },
  { name: "Biru", en: "Blue", hex: "#1f4e9c" },
  { name: "Coklat", en: "Brown", hex: "#6d4c35" },
] as const;

export interface DemoShowroom {
  slug: string;
  name: string;
  city: string;
  otherCities: string[];
  address: string;
  whatsapp: string;
  /** The demo number's id at the (simulated) Cloud API; webhooks are routed by it */
  whatsappPhoneNumberId: string;
  tagline: string;
  plateRegion: string;
  stockPrefix: string;
  vehicleCount: number;
  theme: { primary: string; secondary: string; accent: string; font: string };
  staff: { email: string; name: string; role: "owner" | "admin" | "sales"; whatsappNumber: string }[];
}

export const DEMO_SHOWROOMS: DemoShowroom[] = [
  {
    slug: "mobilindo-jaya",
    name: "Mobilindo Jaya",
    city: "Jakarta Selatan",
    otherCities: ["Depok", "Tangerang Selatan"],
    address: "Jl. RS Fatmawati No. 88, Cilandak, Jakarta Selatan",
    whatsapp: "6281111000001",
    whatsappPhoneNumberId: "109900000000001",
    tagline: "Mobil bekas berkualitas, surat lengkap, harga jujur",
    plateRegion: "B",
    stockPrefix: "MJ",
    vehicleCount: 34,
    theme: { primary: "#1d4ed8", secondary: "#0f172a", accent: "#f59e0b", font: "inter" },
    staff: [
      {
        email: "owner@mobilindo.demo",
        name: "Hendra Wijaya",
        role: "owner",
        whatsappNumber: "6281111000010",
      },
      { email: "admin@mobilindo.demo", name: "Sari Puspita", role: "admin", whatsappNumber: "6281111000011" },
      { email: "sales@mobilindo.demo", name: "Rudi Hartono", role: "sales", whatsappNumber: "6281111000012" },
      {
        email: "sales2@mobilindo.demo",
        name: "Dewi Lestari",
        role: "sales",
        whatsappNumber: "6281111000013",
      },
    ],
  },
  {
    slug: "surya-motor",
    name: "Surya Motor Bandung",
    city: "Bandung",
    otherCities: ["Cimahi", "Bekasi"],
    address: "Jl. Soekarno-Hatta No. 512, Bandung",
    whatsapp: "6282222000001",
    whatsappPhoneNumberId: "109900000000002",
    tagline: "Pilihan keluarga Bandung sejak 2009",
    plateRegion: "D",
    stockPrefix: "SM",
    vehicleCount: 32,
    theme: { primary: "#047857", secondary: "#1f2937", accent: "#facc15", font: "inter" },
    staff: [
      { email: "owner@surya.demo", name: "Asep Sunandar", role: "owner", whatsappNumber: "6282222000010" },
      { email: "admin@surya.demo", name: "Neng Rina", role: "admin", whatsappNumber: "6282222000011" },
      { email: "sales@surya.demo", name: "Dadang Kurnia", role: "sales", whatsappNumber: "6282222000012" },
    ],
  },
  {
    slug: "borneo-auto",
    name: "Borneo Auto Gallery",
    city: "Surabaya",
    otherCities: ["Sidoarjo", "Malang"],
    address: "Jl. Ahmad Yani No. 201, Surabaya",
    whatsapp: "6283333000001",
    whatsappPhoneNumberId: "109900000000003",
    tagline: "SUV dan MPV pilihan, siap kirim ke seluruh Jawa Timur",
    plateRegion: "L",
    stockPrefix: "BA",
    vehicleCount: 32,
    theme: { primary: "#b91c1c", secondary: "#111827", accent: "#fb923c", font: "inter" },
    staff: [
      { email: "owner@borneo.demo", name: "Bambang Santoso", role: "owner", whatsappNumber: "6283333000010" },
      { email: "admin@borneo.demo", name: "Lina Kusuma", role: "admin", whatsappNumber: "6283333000011" },
      { email: "sales@borneo.demo", name: "Agus Salim", role: "sales", whatsappNumber: "6283333000012" },
    ],
  },
];

export const DEMO_LOGINS = [
  { label: "Super admin (platform)", email: "admin@autolumiku.demo", page: "/admin/login" },
  ...DEMO_SHOWROOMS.flatMap((showroom) =>
    showroom.staff
      .filter((staff) => showroom.slug === "mobilindo-jaya" || staff.role === "owner")
      .map((staff) => ({
        label: `${staff.role[0]?.toUpperCase()}${staff.role.slice(1)}, ${showroom.name}`,
        email: staff.email,
        page: "/login",
      })),
  ),
];

const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

export function demoPlate(region: string, next: () => number): string {
  const number = 1000 + Math.floor(next() * 8999);
  const suffix = Array.from(
    { length: 2 + Math.floor(next() * 2) },
    () => LETTERS[Math.floor(next() * LETTERS.length)],
  ).join("");
  return `${region} ${number} ${suffix}`;
}
