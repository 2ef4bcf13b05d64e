// UI text of the dashboard's settings area, in Bahasa Indonesia and English. Keys start with "settings.".
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};
