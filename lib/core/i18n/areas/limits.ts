// What abuse limits say (lib/core/rate-limit.ts), in Bahasa Indonesia and English. Keys start with
// "limits.". Messages that name a wait take it as {wait}, written with limits.wait.*.
export const id = {
  "limits.tooMany": "Terlalu banyak permintaan. Coba lagi dalam {wait}.",
  "limits.signIn": "Terlalu banyak percobaan masuk. Coba lagi dalam {wait}.",
  "limits.leadForm": "Terlalu banyak permintaan dari perangkat ini. Coba lagi dalam {wait}.",
  "limits.leadPhone":
    "Permintaan untuk nomor ini sudah kami terima dan tim kami akan menghubungi Anda. Untuk mengirim lagi, coba dalam {wait}.",
  "limits.webhook":
    "Terlalu banyak permintaan dengan tanda tangan tidak sah dari alamat ini. Coba lagi dalam {wait}.",
  "limits.wait.seconds": "{n} detik",
  "limits.wait.minutes": "{n} menit",
  "limits.wait.hours": "{n} jam",
  "limits.buyerPause":
    "Mohon tunggu sebentar ya, Kak. Pesan-pesan Anda sudah kami terima; kami lanjutkan balasannya sebentar lagi.",
  "limits.leadRepeated": "Pembeli mengirim formulir lagi untuk mobil yang sama.",
  "limits.honeypot": "Jangan isi kolom ini (pemeriksaan spam)",
} as const;

export const en: Record<keyof typeof id, string> = {
  "limits.tooMany": "Too many requests. Try again in {wait}.",
  "limits.signIn": "Too many sign-in attempts. Try again in {wait}.",
  "limits.leadForm": "Too many requests from this device. Try again in {wait}.",
  "limits.leadPhone":
    "We already have a request for this number and our team will contact you. To send another, try again in {wait}.",
  "limits.webhook": "Too many requests with a bad signature from this address. Try again in {wait}.",
  "limits.wait.seconds": "{n} seconds",
  "limits.wait.minutes": "{n} minutes",
  "limits.wait.hours": "{n} hours",
  "limits.buyerPause":
    "Please wait a moment. We have received your messages and will continue answering shortly.",
  "limits.leadRepeated": "The buyer sent the form again for the same car.",
  "limits.honeypot": "Leave this field empty (spam check)",
};
