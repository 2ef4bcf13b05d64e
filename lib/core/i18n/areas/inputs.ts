// UI text for inputs and limits (CSV export format, request size, plan limits, buyers' media,
// webhook dead letters), in Bahasa Indonesia and English. Keys start with "inputs.".
export const id = {
  "inputs.export.excel": "CSV untuk Excel (;)",
  "inputs.export.excelHint": "Pemisah titik koma: untuk Excel dengan pengaturan wilayah Indonesia",
  "inputs.body.tooLarge": "Data yang dikirim terlalu besar (maks. {n}).",
  "inputs.limit.vehicles":
    "Batas paket tercapai: showroom ini boleh punya {n} mobil yang belum terjual. Tandai mobil yang sudah laku sebagai terjual, atau minta admin platform menaikkan batasnya.",
  "inputs.limit.photos": "Satu mobil paling banyak {n} foto. Hapus foto yang tidak dipakai dulu.",
  "inputs.media.document": "Dokumen dari pembeli",
  "inputs.media.open": "Buka",
  "inputs.health.deadLetters": "Webhook disisihkan (dead letter)",
  "inputs.health.deadLettersTotal": "jumlah",
  "inputs.health.deadLettersDay": "24 jam terakhir",
  "inputs.health.deadLettersNone": "Belum ada.",
};

export const en: Record<keyof typeof id, string> = {
  "inputs.export.excel": "CSV for Excel (;)",
  "inputs.export.excelHint": "Semicolon separator: for Excel set to an Indonesian region",
  "inputs.body.tooLarge": "What was sent is too large ({n} at most).",
  "inputs.limit.vehicles":
    "Plan limit reached: this showroom may have {n} unsold cars. Mark cars that have been sold as sold, or ask the platform admin to raise the limit.",
  "inputs.limit.photos": "A car can have at most {n} photos. Delete photos you do not use first.",
  "inputs.media.document": "Document from the buyer",
  "inputs.media.open": "Open",
  "inputs.health.deadLetters": "Webhooks set aside (dead letters)",
  "inputs.health.deadLettersTotal": "total",
  "inputs.health.deadLettersDay": "last 24 hours",
  "inputs.health.deadLettersNone": "None yet.",
};
