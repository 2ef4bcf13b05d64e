// The job list: every job, schedule and event subscription the workers run, assembled from the
// definitions that live with their layers. A new job is one file next to the code it runs
// (lib/<domain>/jobs/<verb>-<noun>.ts, defineJob) plus one line here.
import "server-only";
import { aiAllowanceReached } from "@/lib/assistant/events";
import { processWebhookEventJob } from "@/lib/assistant/jobs/process-webhook-event";
import { runTurnJob } from "@/lib/assistant/jobs/run-turn";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { sweepRateLimitsSchedule } from "@/lib/core/jobs/sweep-rate-limits";
import {
  type EventDefinition,
  eventJobsOf,
  type RunnableJob,
  type Subscription,
  subscribe,
  workerSetupOf,
} from "@/lib/core/queue/define";
import { leadAssigned, leadCreated, visitBooked } from "@/lib/leads/events";
import { escalateWaitingBuyerJob } from "@/lib/services/notifications/escalation";
import { remindFollowUpsSchedule } from "@/lib/services/notifications/follow-up-reminders";
import { NOTIFICATION_SUBSCRIPTIONS } from "@/lib/services/notifications/subscriptions";
import { customDomainServingChanged } from "@/lib/settings/events";
import { checkCustomDomainJob } from "@/lib/settings/jobs/check-custom-domain";
import { recheckCustomDomainsSchedule } from "@/lib/settings/jobs/recheck-custom-domains";
import { buyerWaiting, conversationAssigned, whatsappNumberFailing } from "@/lib/whatsapp/events";
import { applyLateStatusJob } from "@/lib/whatsapp/jobs/apply-late-status";
import { fetchInboundMediaJob } from "@/lib/whatsapp/jobs/fetch-inbound-media";
import { sendOutboxItemJob } from "@/lib/whatsapp/jobs/send-outbox-item";

export const JOBS: readonly RunnableJob[] = [
  processWebhookEventJob,
  applyLateStatusJob,
  sendOutboxItemJob,
  fetchInboundMediaJob,
  runTurnJob,
  sweepRateLimitsSchedule,
  checkCustomDomainJob,
  recheckCustomDomainsSchedule,
  escalateWaitingBuyerJob,
  remindFollowUpsSchedule,
];

/** Every event a domain emits; each gets its queue job, subscribed or not. */
export const EVENTS: readonly EventDefinition[] = [
  leadCreated,
  leadAssigned,
  visitBooked,
  buyerWaiting,
  conversationAssigned,
  whatsappNumberFailing,
  aiAllowanceReached,
  customDomainServingChanged,
];

/** Service reactions to events: the notification service tells staff (lib/services/notifications). */
export const SUBSCRIPTIONS: readonly Subscription[] = [
  ...NOTIFICATION_SUBSCRIPTIONS,
  // A domain that starts or stops serving changes routing and the catalog's canonical links.
  subscribe(customDomainServingChanged, "refresh-showroom-routing", ({ tenantId }) =>
    revalidateCatalog(tenantId, { lookup: true }),
  ),
];

/** graphile-worker's task list and crontab. */
export function workerSetup() {
  return workerSetupOf([...JOBS, ...eventJobsOf(EVENTS, SUBSCRIPTIONS)]);
}
