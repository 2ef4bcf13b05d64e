// UI text of custom domains (proof by DNS TXT record, status, checks), in the owner's settings and
// the platform console. Keys start with "domains.".
export const id = {
  "domains.status.pending": "Menunggu verifikasi",
  "domains.status.verified": "Terverifikasi",
  "domains.status.failed": "Gagal diverifikasi",
  "domains.recordHelp": "Tambahkan record TXT ini di pengelola DNS domain Anda, lalu tekan Verifikasi:",
  "domains.recordType": "Tipe",
  "domains.recordName": "Nama (host)",
  "domains.recordValue": "Nilai",
  "domains.pointHelp":
    "Arahkan juga domain ini (record A atau CNAME) ke server platform agar pembeli bisa membukanya.",
  "domains.verify": "Verifikasi",
  "domains.checking": "Sedang memeriksa…",
  "domains.checkStarted": "Pemeriksaan dimulai. Hasilnya muncul di sini.",
  "domains.lastChecked": "Pemeriksaan terakhir: {at}.",
  "domains.neverChecked": "Belum pernah diperiksa.",
  "domains.nextCheck": "Diperiksa lagi otomatis sekitar {at}.",
  "domains.verifiedSince": "Melayani katalog sejak {at}.",
  "domains.stopsServing":
    "Record TXT tidak lagi cocok. Domain berhenti melayani katalog pada {at} jika tidak diperbaiki.",
  "domains.unverifiedServesNothing": "Sebelum terverifikasi, domain ini tidak menampilkan katalog.",
  "domains.problem.no_record":
    "Record TXT {name} belum ditemukan. Perubahan DNS bisa butuh beberapa menit sampai beberapa jam.",
  "domains.problem.wrong_token":
    "Record TXT {name} ada, tetapi nilainya tidak cocok. Salin nilainya persis seperti di atas.",
  "domains.problem.dns_error": "Server DNS domain ini tidak menjawab. Kami akan mencoba lagi.",
  "domains.problem.taken": "Domain ini sudah terverifikasi untuk showroom lain.",
  "domains.error.platform": "Domain milik platform tidak bisa dipakai sebagai domain showroom.",
  "domains.error.reserved":
    "Nama ini khusus (misalnya .test, .local, example.com) dan tidak bisa dibuka pembeli.",
  "domains.error.lookalike":
    "Nama ini meniru nama lain (huruf dari beberapa abjad, atau mirip nama platform). Pakai ejaan biasa.",
  "domains.error.alreadyAdded": "Domain ini sudah ada di daftar Anda.",
  "domains.console.title": "Domain sendiri",
  "domains.console.none": "Showroom ini belum punya domain sendiri.",
};

export const en: Record<keyof typeof id, string> = {
  "domains.status.pending": "Waiting for verification",
  "domains.status.verified": "Verified",
  "domains.status.failed": "Verification failed",
  "domains.recordHelp": "Add this TXT record at your domain's DNS provider, then press Verify:",
  "domains.recordType": "Type",
  "domains.recordName": "Name (host)",
  "domains.recordValue": "Value",
  "domains.pointHelp":
    "Also point the domain (an A or CNAME record) at the platform's server so buyers can open it.",
  "domains.verify": "Verify",
  "domains.checking": "Checking…",
  "domains.checkStarted": "Check started. The result shows up here.",
  "domains.lastChecked": "Last checked: {at}.",
  "domains.neverChecked": "Not checked yet.",
  "domains.nextCheck": "Checked again automatically around {at}.",
  "domains.verifiedSince": "Serving the catalog since {at}.",
  "domains.stopsServing":
    "The TXT record no longer matches. The domain stops serving the catalog at {at} unless it is fixed.",
  "domains.unverifiedServesNothing": "Until it is verified, this domain shows no catalog.",
  "domains.problem.no_record":
    "No TXT record found at {name} yet. DNS changes can take minutes to hours to spread.",
  "domains.problem.wrong_token":
    "A TXT record exists at {name}, but its value does not match. Copy the value exactly as shown above.",
  "domains.problem.dns_error": "This domain's DNS servers did not answer. We will try again.",
  "domains.problem.taken": "This domain is already verified for another showroom.",
  "domains.error.platform": "The platform's own domains cannot be used as a showroom's domain.",
  "domains.error.reserved":
    "This is a special-use name (such as .test, .local, example.com) buyers cannot open.",
  "domains.error.lookalike":
    "This name imitates another one (letters from several alphabets, or the platform's name). Use a plain spelling.",
  "domains.error.alreadyAdded": "This domain is already on your list.",
  "domains.console.title": "Custom domains",
  "domains.console.none": "This showroom has no custom domain.",
};
