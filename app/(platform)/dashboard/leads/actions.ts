"use server";
// Lead actions: each runs through runStaffAction; lib/leads re-checks that a salesperson only touches their own leads.
import { type ActionResult, runStaffAction } from "@/lib/actions/staff";
import {
  addLeadNote,
  assignLead,
  changeLeadStatus,
  createLead,
  LeadAssignInput,
  LeadCreateInput,
  LeadFollowUpInput,
  LeadNoteInput,
  type LeadStatus,
  LeadStatusInput,
  LeadVehicleInput,
  setLeadFollowUp,
  setLeadVehicle,
} from "@/lib/leads/leads";

export async function createLeadAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return runStaffAction({ permission: "leads.write", input: LeadCreateInput }, raw, createLead);
}

export async function changeLeadStatusAction(raw: unknown): Promise<ActionResult<{ status: LeadStatus }>> {
  return runStaffAction({ permission: "leads.write", input: LeadStatusInput }, raw, changeLeadStatus);
}

export async function addLeadNoteAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return runStaffAction({ permission: "leads.write", input: LeadNoteInput }, raw, addLeadNote);
}

export async function setLeadFollowUpAction(
  raw: unknown,
): Promise<ActionResult<{ followUpAt: Date | null }>> {
  return runStaffAction({ permission: "leads.write", input: LeadFollowUpInput }, raw, setLeadFollowUp);
}

export async function setLeadVehicleAction(
  raw: unknown,
): Promise<ActionResult<{ vehicleId: string | null }>> {
  return runStaffAction({ permission: "leads.write", input: LeadVehicleInput }, raw, setLeadVehicle);
}

export async function assignLeadAction(raw: unknown): Promise<ActionResult<{ assigneeId: string }>> {
  return runStaffAction({ permission: "leads.assign", input: LeadAssignInput }, raw, assignLead);
}
