// What the buyer wants done with their message, as phrase lists per intent. Several may hold
// at once ("halo kak, avanza bisa kredit? minta fotonya"). "search" and "contact_info" depend on
// what else was understood and are decided by the entry module.
import type { Intent } from "@/lib/assistant/understand/criteria";
import { note, phrasePattern, tokenize, type Scan } from "@/lib/assistant/understand/text";

type PhraseIntent = Exclude<Intent, "search" | "contact_info">;

/** Phrases per intent, in normalised form (slang already expanded: "tidak", "berapa", "foto"). */
export const INTENT_PHRASES: Readonly<Record<PhraseIntent, readonly string[]>> = {
  greeting: [
    "assalamualaikum", "assalamu'alaikum", "asalamualaikum", "assalamualaikum wr wb", "salam", "selamat pagi", "selamat siang",
    "selamat sore", "selamat malam", "good morning", "good afternoon", "good evening", "halo", "hallo", "helo", "hello",
    "punten", "permisi", "om swastiastu", "shalom", "salam kenal",
  ],
  details: [
    "detail", "detailnya", "info", "infonya", "informasi", "spek", "speknya", "spesifikasi", "spec", "specs", "kondisi",
    "kondisinya", "pajak", "pajaknya", "stnk", "bpkb", "surat", "suratnya", "surat-surat", "tangan ke", "tangan pertama",
    "tangan berapa", "owner ke", "plat", "platnya", "nopol", "nomor polisi", "no pol", "ganjil", "genap", "km berapa",
    "kilometer berapa", "kilometernya berapa", "km nya berapa", "kmnya berapa", "servis", "service record", "buku servis",
    "riwayat servis", "banjir", "tabrak", "tabrakan", "masih ada", "masih ready", "masih tersedia", "still available",
    "is it available", "sudah terjual", "sudah laku", "sudah sold", "yang ini", "unit ini", "mobil ini", "yang itu",
    "unit itu", "mobil itu", "tersebut", "tsb", "harganya berapa", "berapa harganya", "harga berapa", "harganya",
    "how much", "warnanya apa", "interior", "interiornya", "eksterior", "kaki-kaki", "minus", "minusnya", "kekurangan", "kunci serep", "pajak hidup",
    "pajak mati", "condition", "the price of", "what's the price", "whats the price", "history", "mesin", "mesinnya",
  ],
  photos: [
    "foto", "fotonya", "foto-foto", "gambar", "gambarnya", "video", "videonya", "vidio", "photos", "pictures", "picture",
    "images", "image", "video call", "vc", "foto unit", "foto interior",
  ],
  credit: [
    "kredit", "credit", "cicilan", "angsuran", "angsur", "dp", "tdp", "tenor", "leasing", "simulasi", "financing", "finance",
    "installment", "instalment", "installments", "instalments", "loan", "down payment", "uang muka", "bunga", "bisa kredit", "per bulan", "monthly",
  ],
  visit: [
    "test drive", "testdrive", "tes drive", "test-drive", "td", "coba mobil", "coba unit", "coba bawa", "cek unit",
    "cek mobil", "cek fisik", "lihat unit", "liat unit", "lihat mobil", "liat mobil", "lihat langsung", "liat langsung",
    "lihat fisik", "lihat-lihat", "liat-liat", "lihat unitnya", "liat unitnya", "lihat mobilnya", "liat mobilnya",
    "survey", "survei", "datang", "dateng", "ke sana", "kesana", "ke showroom", "ke lokasi", "ke dealer", "alamat",
    "alamatnya", "lokasi showroom", "lokasinya", "lokasi", "share loc", "shareloc", "sharelok", "share lokasi", "maps",
    "google maps", "jam buka", "buka jam", "buka sampai", "buka hari", "bukanya", "mampir", "visit", "come by", "come to",
    "see the car", "see it", "viewing", "come", "coming", "i'll come", "drop by", "stop by", "inspect", "where are you", "address", "location", "opening hours", "janjian",
    "ketemu", "appointment", "cod", "showroomnya di mana", "showroomnya dimana", "dimana showroomnya",
  ],
  human: [
    "orang asli", "manusia asli", "bukan bot", "ini bot", "robot", "real person", "real human", "human agent", "live agent",
    "customer service", "telepon saya", "telpon saya", "hubungi saya", "call me", "minta ditelepon", "minta ditelpon",
    "tolong telepon", "tolong hubungi", "salesnya mana", "adminnya mana", "admin nya mana", "sales dong", "admin dong",
    "minta dihubungi", "operator", "talk to someone", "talk to a human", "speak to someone", "a human", "bot ya",
  ],
  negotiation: [
    "nego", "negosiasi", "negoin", "dinego", "dinegoin", "nego-in", "negotiable", "negotiate", "bisa kurang", "kurang berapa", "kurangin", "kurang lagi",
    "harga pas", "harga nett", "harga net", "nett", "diskon", "disc", "discount", "potongan", "potong harga", "bisa turun",
    "turun harga", "turunin", "harga terakhir", "harga mati", "last price", "best price", "final price", "tawar", "nawar",
    "ditawar", "murahin", "lower the price", "boleh kurang", "masih bisa kurang", "nett berapa", "net berapa",
  ],
  complaint: [
    "kecewa", "dikecewakan", "mengecewakan", "penipu", "nipu", "menipu", "ditipu", "tipu", "penipuan", "scam", "scammer",
    "lambat", "lelet", "lama banget", "lama sekali", "lama amat", "lama bener", "slow respon", "slow response",
    "komplain", "complain", "complaint", "tidak dibalas", "tidak dibales", "tidak direspon", "tidak respon",
    "tidak ada respon", "tidak ditanggapi", "bohong", "boong", "zonk", "payah", "pelayanan buruk",
    "pelayanan jelek", "pelayanannya jelek", "disappointed", "disappointing", "terrible", "awful", "worst",
    "unprofessional", "tidak profesional", "marah", "kesal", "kesel", "nyesel", "menyesal", "php", "lapor", "laporkan",
    "ngaco", "no response", "no reply",
  ],
  thanks: [
    "terima kasih", "makasih", "thanks", "thank you", "thank", "trims", "suwun", "nuhun", "hatur nuhun", "matur nuwun",
    "thanks ya", "appreciate",
  ],
};

/** Greetings that only greet when they open the message ("pagi kak", "hi", "P"): "malam" mid-sentence is a time. */
const OPENING_GREETINGS = new Set(["pagi", "siang", "sore", "malam", "hai", "hi", "hey", "hei", "halo", "hallo", "p", "ping", "met", "morning", "yo"]);

/** "mau bicara dengan sales", "minta nomor admin", "talk to a person". */
const ASK_FOR_PERSON = /(?<![a-z])(?:bicara|berbicara|ngomong|ngobrol|chat|hubungkan|sambungkan|disambungkan|dihubungkan|telepon|telpon|telp|call|talk|speak|connect|nomor|no|kontak|wa|whatsapp|minta)\s+(?:(?:dengan|sama|ke|with|to|a|the|langsung|your|nomor|no|kontak|wa)\s+)*(?:sales|salesnya|admin|adminnya|cs|marketing|orang|manusia|pemilik|owner|bos|agent|human|person|someone|staff|staf|pegawai|karyawan|salesman)(?![a-z])/g;

const ORDER: readonly PhraseIntent[] = ["greeting", "details", "photos", "credit", "visit", "human", "negotiation", "complaint", "thanks"];
const PATTERNS = new Map<PhraseIntent, RegExp>(ORDER.map((intent) => [intent, phrasePattern(INTENT_PHRASES[intent])]));

function matchAllNoting(scan: Scan, pattern: RegExp): boolean {
  let found = false;
  for (const match of scan.text.matchAll(pattern)) {
    found = true;
    note(scan, match.index, match.index + match[0].length);
  }
  return found;
}

export function readPhraseIntents(scan: Scan): Intent[] {
  const intents: Intent[] = [];
  for (const intent of ORDER) {
    const pattern = PATTERNS.get(intent);
    if (pattern && matchAllNoting(scan, pattern)) intents.push(intent);
  }

  const opening = tokenize(scan.text).slice(0, 2);
  const greetingWord = opening.find((token) => OPENING_GREETINGS.has(token.word));
  if (greetingWord) {
    note(scan, greetingWord.start, greetingWord.end);
    if (!intents.includes("greeting")) intents.unshift("greeting");
  }
  if (matchAllNoting(scan, ASK_FOR_PERSON) && !intents.includes("human")) intents.push("human");
  return intents;
}

/** Search words: strong ones always mean a search; "ready"/"stok" only when nothing more specific was asked. */
const STRONG_SEARCH = phrasePattern([
  "cari", "nyari", "carikan", "cariin", "butuh", "perlu mobil", "mau beli", "beli", "rekomendasi", "rekomen", "saran",
  "recommend", "recommendation", "looking for", "do you have", "have any", "mobil apa", "unit apa", "ada apa saja",
  "pilihan", "list", "daftar", "katalog", "catalog", "interested in", "want to buy", "minat", "tertarik", "cheapest",
  "termurah", "paling murah", "what cars", "which cars", "you have", "lebih murah", "cheaper", "lebih baru", "newer",
]);
const WEAK_SEARCH = phrasePattern(["ready", "tersedia", "stok", "stock", "available", "jual", "ada mobil", "any", "unit"]);

export function mentionsSearch(scan: Scan, otherIntents: readonly Intent[]): boolean {
  if (matchAllNoting(scan, STRONG_SEARCH)) return true;
  const weak = matchAllNoting(scan, WEAK_SEARCH);
  return weak && otherIntents.every((intent) => intent === "greeting" || intent === "thanks");
}

/** "cari yang lain", "mobil lain": start the search over. "model lain": keep the budget, drop the car. */
export const RESET_ALL = phrasePattern([
  "cari yang lain", "cari lain", "mobil lain", "yang lain saja", "ganti mobil", "dari awal", "mulai lagi", "ulang dari awal",
  "reset", "lupakan", "another car", "something else", "different car", "start over", "cari mobil lain", "mobil yang lain",
], "");
export const RESET_MODEL = phrasePattern([
  "model lain", "merk lain", "merek lain", "tipe lain", "pilihan lain", "unit lain", "other models", "other brands",
  "other options", "alternatif", "selain itu", "yang lainnya", "yang lain",
], "");
/** "warna lain": another colour of the same car, not another car. */
export const OTHER_COLOR = phrasePattern(["warna lain", "warna yang lain", "warna lainnya", "other colors", "other colours", "another color"], "");
