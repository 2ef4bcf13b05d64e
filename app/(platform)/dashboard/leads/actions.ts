"use server";
// Lead actions, each declared with its permission; lib/leads re-checks that a salesperson only
// touches their own leads.
import { staffAction } from "@/lib/actions/client";
import {
  addLeadNote,
  assignLead,
  changeLeadStatus,
  createLead,
  LeadAssignInput,
  LeadCreateInput,
  LeadFollowUpInput,
  LeadNoteInput,
  LeadStatusInput,
  LeadVehicleInput,
  setLeadFollowUp,
  setLeadVehicle,
} from "@/lib/leads/leads";

const leadsWrite = staffAction("leads.write");

export const createLeadAction = leadsWrite.input(LeadCreateInput).action(createLead);
export const changeLeadStatusAction = leadsWrite.input(LeadStatusInput).action(changeLeadStatus);
export const addLeadNoteAction = leadsWrite.input(LeadNoteInput).action(addLeadNote);
export const setLeadFollowUpAction = leadsWrite.input(LeadFollowUpInput).action(setLeadFollowUp);
export const setLeadVehicleAction = leadsWrite.input(LeadVehicleInput).action(setLeadVehicle);
export const assignLeadAction = staffAction("leads.assign").input(LeadAssignInput).action(assignLead);
