// The words of a lead's life: where it came from and where it stands.
export const LEAD_STATUSES = ["new", "contacted", "negotiating", "won", "lost"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const LEAD_SOURCES = ["web", "whatsapp", "walk_in", "phone"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/**
 * A lead still being worked: not won, not lost. A buyer who comes back while their lead is open is
 * the same prospect (their lead is updated); once it is closed, they start a new one.
 */
export const OPEN_LEAD_STATUSES = [
  "new",
  "contacted",
  "negotiating",
] as const satisfies readonly LeadStatus[];
