// UI text of the console's platform settings: where each value in effect comes from. Keys start with "platformSettings.".
export const id = {
  "platformSettings.precedence":
    "Nilai yang disimpan di sini mengalahkan variabel lingkungan server; kosongkan untuk memakai variabel lingkungan. Perubahan berlaku tanpa restart (paling lama 10 detik di proses lain).",
  "platformSettings.fromEnvironment": "Ikuti pengaturan server (AI_PROVIDER)",
  "platformSettings.inEffect": "Berlaku sekarang: {value}",
  "platformSettings.source.saved": "Dipakai: nilai yang disimpan di sini",
  "platformSettings.source.environment": "Dipakai: variabel lingkungan server",
  "platformSettings.source.unset": "Belum diatur di sini maupun di server",
  "platformSettings.clearSecret": "Hapus nilai tersimpan (kembali ke variabel lingkungan)",
  "platformSettings.error.keyNeedsProvider": "Pilih penyedia AI (anthropic atau openai) untuk kunci ini.",
};

export const en: Record<keyof typeof id, string> = {
  "platformSettings.precedence":
    "A value saved here wins over the server's environment variable; leave it empty to use the environment variable. Changes apply without a restart (within 10 seconds in other processes).",
  "platformSettings.fromEnvironment": "Follow the server setting (AI_PROVIDER)",
  "platformSettings.inEffect": "In effect: {value}",
  "platformSettings.source.saved": "In use: the value saved here",
  "platformSettings.source.environment": "In use: the server's environment variable",
  "platformSettings.source.unset": "Not set here or on the server",
  "platformSettings.clearSecret": "Forget the saved value (back to the environment variable)",
  "platformSettings.error.keyNeedsProvider": "Choose the AI provider (anthropic or openai) this key is for.",
};
