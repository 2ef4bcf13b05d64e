// WhatsApp sends times as Unix seconds in strings.
export const timestampOf = (seconds: string) => new Date(Number(seconds) * 1000);
