// Word lists shared by the readers: the car market's brands and models (for names not in a
// showroom's stock), colours, and the everyday chat words that must never be fuzzy-matched to a name.

/** Brand spellings and nicknames -> the brand's usual name. Matched exactly (after folding). */
export const BRAND_ALIASES: Readonly<Record<string, string>> = {
  toyota: "Toyota", honda: "Honda", daihatsu: "Daihatsu", mitsubishi: "Mitsubishi", mitsu: "Mitsubishi", mitsubisi: "Mitsubishi",
  suzuki: "Suzuki", susuki: "Suzuki", nissan: "Nissan", mazda: "Mazda", hyundai: "Hyundai", hyunday: "Hyundai", kia: "Kia",
  wuling: "Wuling", chevrolet: "Chevrolet", chevy: "Chevrolet", ford: "Ford", isuzu: "Isuzu", datsun: "Datsun", dfsk: "DFSK",
  chery: "Chery", byd: "BYD", mg: "MG", lexus: "Lexus", bmw: "BMW", mercedes: "Mercedes-Benz", mercy: "Mercedes-Benz",
  merci: "Mercedes-Benz", benz: "Mercedes-Benz", "mercedes-benz": "Mercedes-Benz", audi: "Audi", volkswagen: "Volkswagen",
  vw: "Volkswagen", subaru: "Subaru", peugeot: "Peugeot", renault: "Renault", porsche: "Porsche", volvo: "Volvo",
  geely: "Geely", haval: "Haval", citroen: "Citroen", proton: "Proton", "land rover": "Land Rover", landrover: "Land Rover",
};

/**
 * Popular Indonesian-market models with their brand, so a buyer asking for a car the showroom does
 * not stock ("ada alphard?") is understood (and told honestly it is not in stock) rather than
 * shown something else. Names that are ordinary words ("Swift", "March", "Rocky", "Seal") are
 * left out on purpose.
 */
export const MARKET_MODELS: readonly { brand: string; model: string }[] = [
  ...["Alphard", "Vellfire", "Agya", "Raize", "Veloz", "Sienta", "Vios", "Camry", "Hilux", "Land Cruiser", "Voxy", "Zenix", "Corolla Cross", "Yaris Cross", "Avanza", "Kijang Innova", "Fortuner", "Rush", "Calya", "Yaris", "Corolla Altis"].map((model) => ({ brand: "Toyota", model })),
  ...["Brio", "Jazz", "HR-V", "CR-V", "BR-V", "WR-V", "Mobilio", "City", "Civic", "Accord", "Odyssey", "Freed"].map((model) => ({ brand: "Honda", model })),
  ...["Xpander", "Pajero Sport", "Outlander", "Mirage", "Triton", "L300"].map((model) => ({ brand: "Mitsubishi", model })),
  ...["Ertiga", "XL7", "Ignis", "Baleno", "Jimny", "S-Presso", "Karimun", "APV", "Grand Vitara", "Carry", "SX4"].map((model) => ({ brand: "Suzuki", model })),
  ...["Xenia", "Terios", "Sigra", "Ayla", "Gran Max", "Luxio", "Sirion"].map((model) => ({ brand: "Daihatsu", model })),
  ...["Livina", "Grand Livina", "Serena", "X-Trail", "Juke", "Magnite", "Navara"].map((model) => ({ brand: "Nissan", model })),
  ...["CX-3", "CX-5", "CX-30", "Mazda2", "Mazda3"].map((model) => ({ brand: "Mazda", model })),
  ...["Creta", "Stargazer", "Santa Fe", "Tucson", "Palisade", "Ioniq 5", "Staria"].map((model) => ({ brand: "Hyundai", model })),
  ...["Sonet", "Seltos", "Carens", "Picanto"].map((model) => ({ brand: "Kia", model })),
  ...["Almaz", "Confero", "Cortez", "Binguo", "Air ev", "Alvez"].map((model) => ({ brand: "Wuling", model })),
  ...["Spin", "Captiva", "Trax"].map((model) => ({ brand: "Chevrolet", model })),
];

/** Nicknames buyers use for a model. */
export const MODEL_ALIASES: Readonly<Record<string, string>> = {
  pajero: "Pajero Sport", pajsport: "Pajero Sport", pajs: "Pajero Sport", inova: "Kijang Innova", innova: "Kijang Innova",
  kijang: "Kijang Innova", reborn: "Kijang Innova", altis: "Corolla Altis", xpdr: "Xpander", grandmax: "Gran Max",
  "air-ev": "Air ev", wulingair: "Air ev", granlivina: "Grand Livina", glivina: "Grand Livina",
};

/** Parts of a model name that mean nothing alone: "sport" is not a Pajero Sport. */
export const GENERIC_NAME_PARTS: ReadonlySet<string> = new Set([
  "sport", "air", "ev", "cross", "grand", "new", "all", "max", "plus", "pro", "hybrid", "turbo", "santa", "fe", "land",
  "gran", "x", "v", "5", "ioniq", "kijang", "corolla", "selatan", "utara", "barat", "timur", "pusat", "kota", "kabupaten",
  "raya", "baru",
]);

/** Colour words -> the Indonesian colour name showrooms use ("abu-abu", not "grey"). */
export const COLORS: Readonly<Record<string, string>> = {
  hitam: "hitam", black: "hitam", item: "hitam",
  putih: "putih", white: "putih", "putih mutiara": "putih", "white pearl": "putih", pearl: "putih",
  silver: "silver", perak: "silver", "silver metalik": "silver",
  "abu-abu": "abu-abu", "abu abu": "abu-abu", abu: "abu-abu", grey: "abu-abu", gray: "abu-abu", "dark grey": "abu-abu", "dark gray": "abu-abu", "grey metalik": "abu-abu",
  merah: "merah", red: "merah", maroon: "merah", marun: "merah",
  biru: "biru", blue: "biru", "biru dongker": "biru", dongker: "biru", navy: "biru",
  coklat: "coklat", cokelat: "coklat", brown: "coklat", bronze: "coklat",
  hijau: "hijau", green: "hijau", kuning: "kuning", yellow: "kuning",
  oranye: "oranye", orange: "oranye", jingga: "oranye", ungu: "ungu", purple: "ungu",
  emas: "emas", gold: "emas", champagne: "emas", krem: "krem", cream: "krem", beige: "krem",
};

/** Trim and engine words worth passing on as free text, as variants carry them ("1.5 G", "RS"). */
export const TRIM_WORDS: ReadonlySet<string> = new Set([
  "rs", "trd", "sportivo", "vrz", "gr", "ultimate", "exceed", "gls", "dakar", "prestige", "turbo", "gx", "alpha",
  "luxury", "limited", "cross", "satya", "sensing", "modulo", "mugen", "cvt-rs", "exclusive", "tipe-g", "tipe-e", "type-r", "s-cvt", "e-cvt", "zeta", "beta", "gl", "glx",
]);

/**
 * Everyday chat words that look like car or city names to an edit-distance matcher ("bekas" is one
 * letter from Bekasi, "masa" from Mazda, "cerita" from Creta). They are only ever matched exactly.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  "ada", "yang", "mau", "saya", "dengan", "berapa", "tidak", "bisa", "harga", "mobil", "unit", "juta", "ribu", "tahun",
  "bulan", "kak", "gan", "bos", "min", "dong", "saja", "apa", "untuk", "dari", "ini", "itu", "cari", "nyari", "masih",
  "sudah", "belum", "boleh", "tolong", "minta", "kirim", "foto", "gambar", "video", "lihat", "liat", "datang", "kapan",
  "dimana", "mana", "lokasi", "alamat", "kredit", "cicilan", "angsuran", "tenor", "bunga", "cash", "tunai", "murah",
  "mahal", "bagus", "baru", "bekas", "second", "seken", "kondisi", "mesin", "body", "interior", "warna", "keluarga",
  "seater", "orang", "terima", "kasih", "makasih", "thanks", "halo", "hallo", "selamat", "pagi", "siang", "sore",
  "malam", "permisi", "sales", "admin", "kalau", "atau", "juga", "lagi", "banget", "sekali", "sama", "semua", "lain",
  "tapi", "karena", "jadi", "buat", "punya", "kami", "kita", "anda", "kamu", "nego", "diskon", "turun", "kurang",
  "lebih", "atas", "bawah", "sekitar", "kisaran", "budget", "dana", "uang", "bayar", "beli", "jual", "tukar", "tambah",
  "ready", "stok", "stock", "tersedia", "info", "detail", "spek", "pajak", "surat", "lengkap", "plat", "nomor",
  "ganjil", "genap", "banjir", "tabrak", "servis", "service", "kilometer", "rendah", "tinggi", "muda", "tua", "minggu",
  "hari", "jam", "buka", "tutup", "besok", "nanti", "sekarang", "showroom", "dealer", "kantor", "rumah", "kerja", "test",
  "drive", "survey", "unitnya", "mobilnya", "harganya", "fotonya", "mulus", "istimewa", "pemakaian", "pribadi",
  "tangan", "pertama", "kedua", "keren", "oke", "okay", "siap", "mantap", "terus", "langsung", "dulu", "please", "the",
  "and", "with", "have", "any", "under", "over", "about", "want", "need", "looking", "price", "cars", "year", "what",
  "where", "when", "which", "there", "this", "that", "mohon", "bapak", "ibu", "mas", "mbak", "bang", "abang", "kakak",
  "agan", "sist", "respon", "balas", "cepat", "lambat", "kecewa", "masalah", "tanya", "nanya", "infokan", "share",
  "tau", "tahu", "sampai", "sampe", "cek", "mampir", "coba", "jenis", "tipe", "type", "varian", "model", "merk",
  "merek", "brand", "modelnya", "keluaran", "rakitan", "produksi", "irit", "nyaman", "luas", "kecil", "besar", "gede",
  "soal", "bulanan", "perbulan", "masa", "cerita", "bertiga", "banding", "audio", "rusa", "rusak", "harus", "agak",
  "ayah", "kota", "sport", "depan", "belakang", "matic", "manual", "bensin", "solar", "diesel", "listrik", "hybrid",
  "hitam", "putih", "merah", "biru", "silver", "hijau", "kuning", "coklat", "kira", "kira-kira", "nih", "sih", "deh",
  "kok", "loh", "kan", "bro", "brow", "sis", "pak", "bu", "om", "tante", "mbak", "yaa", "iya", "ya", "enggak", "jangan",
  "bukan", "gimana", "bagaimana", "sebelah", "dekat", "deket", "jauh", "kirain", "mahalan", "murahan", "city", "car",
  "pilihan", "rekomendasi", "saran", "butuh", "perlu", "pengen", "minat", "tertarik", "serius", "hubungi", "telepon",
  "telpon", "whatsapp", "nomer", "kontak", "posisi", "daerah", "wilayah", "area", "kirimi", "japri", "chat", "balik",
  "bales", "dibalas", "kabar", "terakhir", "tanggal", "waktu", "tempat", "sana", "sini", "situ", "jalan", "jalanan",
  "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "anak", "istri", "suami", "keluarga", "teman", "kabari",
]);

/** Particles and function words that carry no request of their own; they count neither for nor against confidence. */
export const CHAT_FILLERS: ReadonlySet<string> = new Set([
  "di", "ke", "no", "wa", "nama", "name", "number", "nomor", "sebulan", "dikit", "sedikit", "nya", "an", "ok", "oke", "sip",
  "siap", "baik", "ya", "yah", "dulu", "gitu", "begitu", "kah", "lah", "pun", "si", "sang", "para", "per", "se", "mohon",
  "maaf", "sorry", "will", "be", "shall", "also", "just", "so", "if", "but", "or", "and", "not", "pake", "pakai",
  "dapat", "dapet", "gitu", "tanya", "nanya", "mo", "ingin", "sebentar", "bentar", "kira", "kayak", "kaya", "seperti", "selain", "kecuali", "jangan", "bukan",
  "cuma", "hanya", "kok", "apakah", "mana", "lebih", "ternyata",
]);
