// Is the buyer writing English? Counted by function words, because car words ("automatic",
// "budget", "SUV") are shared by both languages and say nothing.

/** English function words; exported so other readers can treat them as filler. */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  "the", "a", "an", "do", "does", "you", "your", "have", "has", "is", "are", "am", "i", "i'm", "im", "my", "me", "any",
  "with", "for", "under", "below", "above", "over", "between", "want", "looking", "need", "please", "how", "much",
  "what", "which", "when", "where", "can", "could", "would", "like", "car", "cars", "million", "billion", "thanks",
  "thank", "there", "this", "that", "and", "or", "of", "to", "in", "on", "it", "its", "than", "less", "more", "year",
  "years", "old", "from", "interested", "buy", "see", "photos", "pictures", "test", "drive", "discount", "installment",
  "monthly", "down", "payment", "real", "person", "talk", "speak", "hello", "good", "morning", "afternoon", "evening",
  "around", "about", "price", "available", "still", "send", "some", "we", "our", "be", "will", "should", "show",
  "newer", "older", "color", "colour", "black", "white", "red", "blue", "grey", "gray", "family", "mileage",
]);

export const INDONESIAN_WORDS: ReadonlySet<string> = new Set([
  "ada", "yang", "mau", "saya", "dengan", "berapa", "tidak", "bisa", "harga", "mobil", "juta", "kak", "gan", "min",
  "dong", "ya", "saja", "apa", "untuk", "dari", "di", "ke", "ini", "itu", "tahun", "cari", "sama", "atau", "kalau",
  "masih", "sudah", "belum", "boleh", "tolong", "minta", "bang", "pak", "bu", "mas", "mbak", "nih", "sih", "deh",
  "kok", "jt", "rb", "banget", "unit", "warna", "dibawah", "bawah", "atas", "makasih", "terima", "kasih", "halo",
  "selamat", "pagi", "siang", "sore", "malam", "kredit", "cicilan", "foto", "nya", "harganya", "gimana", "bagaimana",
  "kapan", "dimana", "mana", "lagi", "juga", "aja", "dan", "buat", "mobilnya", "unitnya", "kirim", "lihat", "liat",
  "bos", "sis", "om", "agan", "kakak", "bapak", "ibu", "punya", "sekitar", "kisaran", "keatas", "maksimal", "minimal",
]);

export function detectLanguage(normalised: string): "id" | "en" {
  let english = 0;
  let indonesian = 0;
  for (const word of normalised.split(/[^a-z']+/)) {
    if (ENGLISH_WORDS.has(word)) english += 1;
    if (INDONESIAN_WORDS.has(word)) indonesian += 1;
  }
  return english >= 2 && english > indonesian ? "en" : "id";
}
