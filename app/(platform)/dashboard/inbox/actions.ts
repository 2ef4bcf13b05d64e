"use server";
// Inbox actions, each declared with its permission; lib/whatsapp/inbox.ts re-checks that the
// conversation is visible to the user (and theirs to write in) inside the tenant transaction.
import { staffAction } from "@/lib/actions/client";
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

const reply = staffAction("conversations.reply");

export const replyAction = reply.input(ReplyInput).action(replyText);
export const sendVehicleAction = reply.input(SendVehicleInput).action(sendVehicle);
export const takeOverAction = reply.input(ConversationInput).action(takeOver);
export const handBackAction = reply.input(ConversationInput).action(handBack);
export const assignConversationAction = reply.input(AssignInput).action(assignConversation);
export const linkLeadAction = staffAction("leads.write").input(ConversationInput).action(linkLead);
