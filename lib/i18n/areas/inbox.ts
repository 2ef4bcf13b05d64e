// UI text of the dashboard's inbox area, in Bahasa Indonesia and English. Keys start with "inbox.".
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};
