// UI text of the dashboard's staff area, in Bahasa Indonesia and English. Keys start with "staff.".
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};
