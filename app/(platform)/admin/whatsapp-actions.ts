"use server";
// A showroom's WhatsApp number from the console (super admin past the second factor): the same
// connection service as the owner's WhatsApp tab, through the audited platform path (lib/admin/whatsapp.ts).
import { adminAction } from "@/lib/actions/client";
import {
  connectShowroomWhatsApp,
  disconnectShowroomWhatsApp,
  refreshShowroomWhatsApp,
  ShowroomConnectInput,
  ShowroomTestMessageInput,
  ShowroomWhatsAppRef,
  sendShowroomTestMessage,
} from "@/lib/admin/whatsapp";
import { getLocale } from "@/lib/core/i18n/server";

const admin = adminAction();

export const connectShowroomWhatsAppAction = admin
  .input(ShowroomConnectInput)
  .action(({ actor }, input) => connectShowroomWhatsApp(actor, input));

export const disconnectShowroomWhatsAppAction = admin
  .input(ShowroomWhatsAppRef)
  .action(({ actor }, input) => disconnectShowroomWhatsApp(actor, input));

export const refreshShowroomWhatsAppAction = admin
  .input(ShowroomWhatsAppRef)
  .action(({ actor }, input) => refreshShowroomWhatsApp(actor, input));

export const sendShowroomTestMessageAction = admin
  .input(ShowroomTestMessageInput)
  .action(async ({ actor }, input) => sendShowroomTestMessage(actor, input, await getLocale()));
