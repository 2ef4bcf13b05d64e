// The notification service's subscriptions: which fact reaches staff how. Listed in lib/jobs.
import "server-only";
import { aiAllowanceReached } from "@/lib/assistant/events";
import { type Subscription, subscribe } from "@/lib/core/queue/define";
import { leadAssigned, leadCreated, visitBooked } from "@/lib/leads/events";
import { onBuyerWaiting, onConversationAssigned } from "@/lib/services/notifications/conversation-alerts";
import { onLeadAssigned, onLeadCreated, onVisitBooked } from "@/lib/services/notifications/lead-alerts";
import { onAiAllowanceReached, onWhatsAppNumberFailing } from "@/lib/services/notifications/showroom-alerts";
import { buyerWaiting, conversationAssigned, whatsappNumberFailing } from "@/lib/whatsapp/events";

export const NOTIFICATION_SUBSCRIPTIONS: readonly Subscription[] = [
  subscribe(leadCreated, "notify-new-lead", onLeadCreated),
  subscribe(leadAssigned, "notify-lead-assigned", onLeadAssigned),
  subscribe(visitBooked, "notify-visit-booked", onVisitBooked),
  subscribe(buyerWaiting, "notify-buyer-waiting", onBuyerWaiting),
  subscribe(conversationAssigned, "notify-conversation-assigned", onConversationAssigned),
  subscribe(aiAllowanceReached, "notify-ai-allowance", onAiAllowanceReached),
  subscribe(whatsappNumberFailing, "notify-whatsapp-failing", onWhatsAppNumberFailing),
];
