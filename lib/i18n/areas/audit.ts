// UI text of the dashboard's audit area, in Bahasa Indonesia and English. Keys start with "audit.".
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};
