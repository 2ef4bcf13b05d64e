// Indonesian phone numbers, stored as digits with the country code first (6281234567890),
// which is also the form WhatsApp uses for wa_id and wa.me links.
export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/[^\d+]/g, "");
  if (digits.startsWith("+")) digits = digits.slice(1);
  digits = digits.replace(/\D/g, "");
  if (digits.startsWith("0")) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith("8")) digits = `62${digits}`;
  return /^\d{9,15}$/.test(digits) ? digits : null;
}
