// What the WhatsApp assistant writes to buyers and staff, in Bahasa Indonesia and English: rendered
// in the language of the person it answers. Keys start with "assistant.". The words buyers type
// (the parser's vocabulary) are data in lib/assistant/understand, not messages.
export const id = {
  "assistant.buyer.handoff":
    "Baik, saya hubungkan dengan tim sales {showroom}. Mereka akan membalas di chat ini secepatnya. (Saya asisten virtual, jadi soal harga nego dan penawaran khusus diputuskan oleh sales.)",
  "assistant.buyer.thanks":
    'Sama-sama! Kalau ingin melihat unit atau test drive, kabari saja. Ketik "sales" untuk bicara dengan tim {showroom}.',
  "assistant.buyer.greeting":
    'Halo! Saya asisten virtual {showroom}. Sebutkan mobil yang dicari, misalnya "Avanza matic 2019 ke atas", dan saya carikan dari stok kami. Ketik "sales" kapan saja untuk bicara dengan tim kami.',
  "assistant.buyer.matches": "Ini yang cocok dari stok {showroom}:",
  "assistant.buyer.noMatch": "Maaf, saat ini belum ada mobil yang persis sesuai kriteria itu.",
  "assistant.buyer.alternatives": "Alternatif terdekat:",
  "assistant.buyer.orAskSales": 'Atau ketik "sales" untuk dibantu tim kami.',
  "assistant.buyer.credit":
    "Simulasi kredit mobil no. 1: DP {downPct}% {downPayment}, tenor {years} tahun, angsuran sekitar {monthly}/bulan (bunga flat {rate}%/tahun, perkiraan).",
  "assistant.buyer.priceProblem": "Maaf, ada kendala menampilkan harga. Tim sales kami akan membantu.",
  "assistant.offer.booked": " (sudah dipesan)",
  "assistant.gear.automatic": "matic",
  "assistant.gear.manual": "manual",
};

export const en: Record<keyof typeof id, string> = {
  "assistant.buyer.handoff":
    "Sure, I'm connecting you with the {showroom} sales team; they'll reply in this chat shortly. (I'm a virtual assistant, so negotiation and special offers are decided by our sales staff.)",
  "assistant.buyer.thanks":
    "You're welcome! If you'd like to see a car or book a test drive, just tell me. Type \"sales\" to talk to the {showroom} team.",
  "assistant.buyer.greeting":
    'Hi! I\'m the virtual assistant of {showroom}. Tell me what you\'re looking for, e.g. "automatic SUV, 2019 or newer", and I\'ll search our stock. Type "sales" any time to talk to our team.',
  "assistant.buyer.matches": "Here is what matches in {showroom}'s stock:",
  "assistant.buyer.noMatch": "Sorry, nothing in stock matches exactly right now.",
  "assistant.buyer.alternatives": "Nearest alternatives:",
  "assistant.buyer.orAskSales": 'Or type "sales" and our team will help.',
  "assistant.buyer.credit":
    "Credit estimate for car no. 1: {downPct}% down {downPayment}, {years} years, about {monthly}/month (flat {rate}%/year, estimate).",
  "assistant.buyer.priceProblem": "Sorry, I couldn't show prices just now; our sales team will help.",
  "assistant.offer.booked": " (booked)",
  "assistant.gear.automatic": "automatic",
  "assistant.gear.manual": "manual",
};
