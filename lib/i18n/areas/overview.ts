// UI text of the dashboard's overview area, in Bahasa Indonesia and English. Keys start with "overview.".
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};
