"use server";
// The WhatsApp tab's actions (settings.manage: owners and admins): connect a number after Meta
// confirms it, check it again, disconnect, send a test message through the outbox, and the
// showroom's assistant switch. The showroom is always the session's, never the request's.
import { z } from "zod";
import { staffAction } from "@/lib/actions/client";
import { getLocale } from "@/lib/core/i18n/server";
import { AssistantSettingsInput, updateAssistantSettings } from "@/lib/settings/assistant";
import { ConnectInput, connectNumber, disconnectNumber } from "@/lib/whatsapp/connect";
import { refreshConnection } from "@/lib/whatsapp/connection-health";
import { demoCredentials, graphSimEnabled } from "@/lib/whatsapp/simulator";
import {
  sendTestMessage,
  TestMessageInput,
  TestMessageStatusInput,
  testMessageStatus,
} from "@/lib/whatsapp/test-message";

const manage = staffAction("settings.manage");
const Nothing = z.object({});

export const connectWhatsAppAction = manage
  .input(ConnectInput)
  .action(({ tx, user, actor }, input) => connectNumber(tx, { tenantId: user.tenantId, actor }, input));

export const disconnectWhatsAppAction = manage
  .input(Nothing)
  .action(({ tx, user, actor }) => disconnectNumber(tx, { tenantId: user.tenantId, actor }));

export const refreshWhatsAppAction = manage
  .input(Nothing)
  .action(({ tx, user }) => refreshConnection(tx, user.tenantId));

export const sendTestMessageAction = manage
  .input(TestMessageInput)
  .action(async ({ tx, user, actor }, input) =>
    sendTestMessage(tx, { tenantId: user.tenantId, actor, locale: await getLocale() }, input),
  );

export const testMessageStatusAction = manage
  .input(TestMessageStatusInput)
  .action(({ tx, user }, input) => testMessageStatus(tx, user.tenantId, input));

/** Offline only (the app's own Graph API stand-in): a number id and token the stand-in accepts. */
export const demoNumberAction = manage
  .input(Nothing)
  .action(async () => (graphSimEnabled() ? demoCredentials() : null));

export const updateAssistantAction = manage.input(AssistantSettingsInput).action(updateAssistantSettings);
