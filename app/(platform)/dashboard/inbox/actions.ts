"use server";
// Inbox actions: each runs through runStaffAction; lib/whatsapp/inbox.ts re-checks that the
// conversation is visible to the user (and theirs to write in) inside the tenant transaction.
import { type ActionResult, runStaffAction } from "@/lib/actions/staff";
import type { ConversationMode } from "@/lib/generated/prisma/client";
import {
  AssignInput,
  assignConversation,
  ConversationInput,
  handBack,
  linkLead,
  ReplyInput,
  replyText,
  SendVehicleInput,
  sendVehicle,
  takeOver,
} from "@/lib/whatsapp/inbox";

export async function replyAction(raw: unknown): Promise<ActionResult<{ messageIds: string[] }>> {
  return runStaffAction({ permission: "conversations.reply", input: ReplyInput }, raw, replyText);
}

export async function sendVehicleAction(raw: unknown): Promise<ActionResult<{ messageIds: string[] }>> {
  return runStaffAction({ permission: "conversations.reply", input: SendVehicleInput }, raw, sendVehicle);
}

export async function takeOverAction(raw: unknown): Promise<ActionResult<{ mode: ConversationMode }>> {
  return runStaffAction({ permission: "conversations.reply", input: ConversationInput }, raw, takeOver);
}

export async function handBackAction(raw: unknown): Promise<ActionResult<{ mode: ConversationMode }>> {
  return runStaffAction({ permission: "conversations.reply", input: ConversationInput }, raw, handBack);
}

export async function assignConversationAction(raw: unknown): Promise<ActionResult<{ assigneeId: string }>> {
  return runStaffAction({ permission: "conversations.reply", input: AssignInput }, raw, assignConversation);
}

export async function linkLeadAction(
  raw: unknown,
): Promise<ActionResult<{ leadId: string; created: boolean }>> {
  return runStaffAction({ permission: "leads.write", input: ConversationInput }, raw, linkLead);
}
