// The Cloud API webhook envelope around one "messages" change, as Meta sends it.
export function messagesWebhook(
  phoneNumberId: string,
  value: { contacts?: unknown[]; messages?: unknown[]; statuses?: unknown[] },
): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA-1",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "62811", phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });
}
