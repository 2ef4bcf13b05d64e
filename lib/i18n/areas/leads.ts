// UI text of the dashboard's leads area, in Bahasa Indonesia and English. Keys start with "leads.".
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};
