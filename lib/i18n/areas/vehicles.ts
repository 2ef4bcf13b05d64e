// UI text of the dashboard's vehicles area, in Bahasa Indonesia and English. Keys start with "vehicles.".
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};
