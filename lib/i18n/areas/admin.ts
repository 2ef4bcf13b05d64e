// UI text of the dashboard's admin area, in Bahasa Indonesia and English. Keys start with "admin.".
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};
