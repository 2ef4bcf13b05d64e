// The buyer introducing themselves: a name ("nama saya Budi", "saya Rina dari Bekasi",
// "my name is John") and an Indonesian mobile number, normalised to 62... like WhatsApp ids.
import { claim, type Scan } from "@/lib/assistant/understand/text";
import { normalizePhone } from "@/lib/core/phone";

const PHONE = /(?<![\d])(?:\+?62|0)[\s.-]?8\d{1,3}(?:[\s.-]?\d{2,5}){1,4}(?![\d])/g;

/** An Indonesian mobile number ("0812-3456-7890", "+62 812 3456 7890"), claimed so no digit of it is read as money. */
export function readPhone(scan: Scan): string | undefined {
  let phone: string | undefined;
  for (const match of scan.text.matchAll(PHONE)) {
    const normalized = normalizePhone(match[0]);
    if (!normalized || !/^628\d{8,11}$/.test(normalized)) continue;
    claim(scan, match.index, match.index + match[0].length);
    phone ??= normalized;
  }
  return phone;
}

/**
 * Words that follow "saya"/"ini"/"I'm" but are not names ("saya mau", "ini harganya", "I'm looking").
 * Only consulted for the weak introductions; "nama saya X" trusts X unless it is one of these too.
 */
const NOT_A_NAME = new Set([
  "mau",
  "ingin",
  "cari",
  "nyari",
  "tanya",
  "nanya",
  "minat",
  "tertarik",
  "butuh",
  "perlu",
  "sudah",
  "udah",
  "lagi",
  "sedang",
  "masih",
  "baru",
  "dari",
  "di",
  "ke",
  "juga",
  "cuma",
  "hanya",
  "tidak",
  "bukan",
  "belum",
  "bisa",
  "boleh",
  "punya",
  "ada",
  "yang",
  "sih",
  "dong",
  "kak",
  "gan",
  "min",
  "bos",
  "pak",
  "bu",
  "mas",
  "mbak",
  "sendiri",
  "pribadi",
  "kira",
  "pikir",
  "rasa",
  "lihat",
  "liat",
  "suka",
  "pengen",
  "pingin",
  "harap",
  "kecewa",
  "setuju",
  "jadi",
  "akan",
  "mohon",
  "minta",
  "tolong",
  "kemarin",
  "tadi",
  "besok",
  "nanti",
  "kurang",
  "lebih",
  "sangat",
  "banget",
  "senang",
  "sudah",
  "harganya",
  "mobilnya",
  "unitnya",
  "berapa",
  "apa",
  "kapan",
  "dimana",
  "gimana",
  "bagaimana",
  "kok",
  "nih",
  "ya",
  "looking",
  "interested",
  "searching",
  "here",
  "just",
  "not",
  "from",
  "a",
  "an",
  "the",
  "in",
  "at",
  "very",
  "so",
  "going",
  "trying",
  "wondering",
  "asking",
  "buying",
  "planning",
  "ready",
  "fine",
  "ok",
  "oke",
  "good",
  "sorry",
  "thanks",
  "thank",
  "makasih",
  "dengan",
  "sama",
  "untuk",
  "buat",
  "tahu",
  "tau",
  "admin",
  "sales",
  "bot",
  "orang",
  "pembeli",
  "buyer",
  "customer",
  "konsumen",
  "tinggal",
  "domisili",
  "mobil",
  "unit",
  "foto",
  "kredit",
  "cash",
  "terima",
  "dapat",
  "dapet",
  "kerja",
  "datang",
  "coba",
  "test",
  "bawa",
  "bayar",
  "beli",
  "jual",
  "sales",
  "salah",
  "satu",
  "hari",
  "minggu",
  "bulan",
  "tahun",
  "hubungi",
  "telepon",
  "call",
  "tunggu",
  "kirim",
  "pesan",
  "booking",
  "ambil",
  "cek",
  "konfirmasi",
  "paham",
  "ngerti",
  "sedang",
  "bingung",
  "senang",
  "sudah",
  "survey",
  "transfer",
]);

const STRONG_INTRO =
  /(?:\bnama\s*(?:saya|sy|aku|ku|gue|gw|ane)\b|\bnamaku\b|\bmy name is\b|\bname\s*:|\bnama\s*:|\batas nama\b|\bpanggil\s+(?:saya|aku|aja|saja)\b|\bdengan\s+(?:saya|sy)\b)\s*:?\s*(?<name>[a-z][a-z'.]*(?:\s+[a-z][a-z'.]*){0,2})/gi;
// Only the introducing word is consumed (the name sits in a lookahead), so "ini dengan Pak Joko"
// can fail on "ini" and still succeed on "dengan".
const WEAK_INTRO =
  /(?<![a-z'])(?:saya|sy|aku|ini|i'm|i am|im|dengan|dgn)\s+(?=(?:(?:pak|bu|bapak|ibu|mas|mbak|kak|bang|mr\.?|mrs\.?|ms\.?)\s+)?(?<name>[a-z][a-z'.]*(?:\s+[a-z][a-z'.]*){0,2}))/gi;

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
const looksCapitalised = (word: string) => /^[A-Z][a-z'.]+$/.test(word);

/** Name words from the capture: stop at the first word that is not a name. */
function nameWords(capture: string, requireCapital: boolean): string[] {
  const words: string[] = [];
  for (const word of capture.split(/\s+/)) {
    const bare = word.replace(/[.']+$/, "");
    if (!bare || NOT_A_NAME.has(bare.toLowerCase()) || bare.length < 2) break;
    if (requireCapital && !looksCapitalised(bare)) break;
    words.push(capitalise(bare));
  }
  return words;
}

/**
 * The buyer's name, read from the original text because capital letters help. Strong
 * introductions ("nama saya budi") are trusted; weak ones ("saya Budi", "ini Rina") need a
 * capitalised name, or a lowercase one followed by where they are from ("saya rina dari bekasi"),
 * since "saya tunggu" or "ini harganya" are not names.
 */
export function readName(original: string, reserved: ReadonlySet<string>): string | undefined {
  const text = original.replace(/[^\p{L}\p{N}\s,.:'!?+-]/gu, " ");
  const usable = (words: string[]) => words.filter((word) => !reserved.has(word.toLowerCase()));
  for (const match of text.matchAll(STRONG_INTRO)) {
    const words = usable(nameWords(match.groups?.name ?? "", false));
    if (words.length > 0) return words.join(" ");
  }
  for (const match of text.matchAll(WEAK_INTRO)) {
    const [first = "", second = ""] = (match.groups?.name ?? "").split(/\s+/);
    if (NOT_A_NAME.has(first.toLowerCase()) || reserved.has(first.toLowerCase())) continue;
    if (looksCapitalised(first)) {
      const words = usable(nameWords(match.groups?.name ?? "", true));
      if (words.length > 0) return words.join(" ");
    } else if (/^(?:dari|from|di|asal)$/i.test(second)) {
      return capitalise(first);
    }
  }
  return undefined;
}
