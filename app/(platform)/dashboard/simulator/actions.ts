"use server";
// The simulator's one action: a message "from WhatsApp" as a signed webhook into our own endpoint.
import { staffAction } from "@/lib/actions/client";
import { Conflict } from "@/lib/core/errors";
import {
  inboundTextBody,
  postSignedWebhook,
  SimulatedMessageInput,
  simulatorProblem,
  simulatorShowroom,
} from "@/lib/whatsapp/simulator";

export const sendSimulatedMessageAction = staffAction("settings.manage")
  .input(SimulatedMessageInput)
  .action(async ({ tx, user }, input) => {
    const problem = await simulatorProblem(tx, user.tenantId);
    const showroom = await simulatorShowroom(tx, user.tenantId);
    if (problem || !showroom) throw new Conflict(`inbox.sim.problem.${problem ?? "no_number"}`);
    // Over HTTP like Meta, so the signature check, storage and queue are the real ones.
    await postSignedWebhook(inboundTextBody(showroom, input));
    return { wamid: `wamid.sim.${input.clientId}` };
  });
