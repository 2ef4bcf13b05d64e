// Text of the account page (password, signing out everywhere) and of what sales staff may do to
// stock (the showroom's setting, and the refusals in the dashboard and in staff commands).
export const id = {
  "security.account.title": "Akun saya",
  "security.account.intro": "Masuk sebagai {email}.",
  "security.account.nav": "Akun",
  "security.password.title": "Ganti kata sandi",
  "security.password.help": "Sesi lain di perangkat mana pun akan keluar; sesi ini tetap masuk.",
  "security.password.current": "Kata sandi saat ini",
  "security.password.currentRequired": "Isi kata sandi Anda saat ini.",
  "security.password.currentWrong": "Kata sandi saat ini salah.",
  "security.password.unchanged": "Kata sandi baru harus berbeda dari yang sekarang.",
  "security.everywhere.title": "Keluar dari semua perangkat",
  "security.everywhere.help":
    "Untuk ponsel yang hilang atau komputer bersama: semua sesi akun ini berakhir, termasuk sesi ini.",
  "security.everywhere.button": "Keluar dari semua perangkat",
  "security.sales.title": "Wewenang sales",
  "security.sales.intro":
    "Pemilik dan admin selalu boleh. Batas ini berlaku untuk sales di dasbor dan lewat perintah WhatsApp.",
  "security.sales.markSold": "Sales boleh menandai mobil terjual",
  "security.sales.maxCut": "Sales boleh menurunkan harga paling banyak (%)",
  "security.sales.maxCutHint":
    "Dihitung dari harga terakhir yang ditetapkan pemilik atau admin. 0: sales tidak boleh menurunkan harga.",
  "security.sales.error.maxCut": "Isi angka 0 sampai 100.",
  "security.sales.soldNotAllowed":
    "Hanya pemilik atau admin yang boleh menandai mobil terjual di showroom ini.",
  "security.sales.priceCutTooDeep":
    "Sales hanya boleh menurunkan harga paling banyak {n}% dari harga yang ditetapkan pemilik/admin. Minta pemilik atau admin untuk harga ini.",
  "security.sales.priceCutNone": "Di showroom ini hanya pemilik atau admin yang boleh menurunkan harga.",
} as const;

export const en: Record<keyof typeof id, string> = {
  "security.account.title": "My account",
  "security.account.intro": "Signed in as {email}.",
  "security.account.nav": "Account",
  "security.password.title": "Change password",
  "security.password.help": "Other sessions on every device are signed out; this one stays signed in.",
  "security.password.current": "Current password",
  "security.password.currentRequired": "Enter your current password.",
  "security.password.currentWrong": "The current password is wrong.",
  "security.password.unchanged": "The new password must differ from the current one.",
  "security.everywhere.title": "Sign out everywhere",
  "security.everywhere.help":
    "For a lost phone or a shared computer: every session of this account ends, this one included.",
  "security.everywhere.button": "Sign out everywhere",
  "security.sales.title": "What sales staff may do",
  "security.sales.intro":
    "Owners and admins always may. These limits apply to sales staff in the dashboard and in WhatsApp commands.",
  "security.sales.markSold": "Sales staff may mark cars sold",
  "security.sales.maxCut": "Sales staff may cut a price by at most (%)",
  "security.sales.maxCutHint":
    "Measured from the price an owner or admin last set. 0: sales staff may not cut prices.",
  "security.sales.error.maxCut": "Enter a number from 0 to 100.",
  "security.sales.soldNotAllowed": "In this showroom only an owner or admin may mark a car sold.",
  "security.sales.priceCutTooDeep":
    "Sales staff may cut a price by at most {n}% below the price an owner or admin set. Ask an owner or admin for this price.",
  "security.sales.priceCutNone": "In this showroom only an owner or admin may cut a price.",
};
