// UI text of the dashboard's overview, in Bahasa Indonesia and English. Keys start with "overview.".
export const id = {
  "overview.denied": "Anda tidak punya izin untuk membuka halaman itu.",
  "overview.stockAge": "Lama di stok (hari)",
  "overview.stockAgeHint": "Mobil tersedia dan dipesan",
  "overview.leadsWeek": "Prospek baru minggu ini",
  "overview.bySource": "Per sumber",
  "overview.firstResponse": "Median respons pertama",
  "overview.firstResponseHint": "30 hari terakhir, dari {count} prospek yang sudah direspons",
  "overview.noResponses": "Belum ada data",
  "overview.topViewed": "Paling banyak dilihat (30 hari)",
  "overview.noViews": "Belum ada kunjungan tercatat.",
  "overview.views": "{count} kali dilihat",
} as const;

export const en: Record<keyof typeof id, string> = {
  "overview.denied": "You do not have permission to open that page.",
  "overview.stockAge": "Days in stock",
  "overview.stockAgeHint": "Available and booked cars",
  "overview.leadsWeek": "New leads this week",
  "overview.bySource": "By source",
  "overview.firstResponse": "Median first response",
  "overview.firstResponseHint": "Last 30 days, from {count} answered leads",
  "overview.noResponses": "No data yet",
  "overview.topViewed": "Most viewed (30 days)",
  "overview.noViews": "No views recorded yet.",
  "overview.views": "{count} views",
};
