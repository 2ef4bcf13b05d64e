"use server";
// The catalog's lead form, through the action client's public kind: no session; the showroom is
// the one whose page the buyer is on (the page's route segment), and the car must be listed there.
// A filled honeypot (HONEYPOT_FIELD, hidden from people) is a bot: it hears "sent" and nothing is kept.
import { z } from "zod";
import { publicAction } from "@/lib/actions/client";
import { createCatalogLead, type LeadProblem } from "@/lib/leads/catalog-lead";
import { HONEYPOT_FIELD } from "@/lib/leads/honeypot";

export interface LeadValues {
  name: string;
  phone: string;
  message: string;
}

/** On error the buyer's input comes back, so nothing typed is lost. */
export type LeadFormState =
  | { status: "idle" }
  | { status: "sent" }
  | {
      status: "error";
      problems: LeadProblem[];
      values: LeadValues;
      attempt: number;
      /** A limit's message with its wait ("coba lagi dalam 10 menit"), shown instead of the problems. */
      notice?: string;
    };

const text = z.string().max(2000).catch("");
const LeadForm = z.object({
  tenant: z.string().max(300),
  vehicle: text,
  name: text,
  phone: text,
  message: text,
});

const submit = publicAction()
  .input(LeadForm)
  .action(({ tenant, ip }, form) =>
    createCatalogLead({
      tenantId: tenant.id,
      vehicleSlug: form.vehicle,
      input: { name: form.name, phone: form.phone, message: form.message },
      ip,
    }),
  );

export async function submitLead(previous: LeadFormState, form: FormData): Promise<LeadFormState> {
  const values = {
    name: String(form.get("name") ?? ""),
    phone: String(form.get("phone") ?? ""),
    message: String(form.get("message") ?? ""),
  };
  const attempt = previous.status === "error" ? previous.attempt + 1 : 1;
  if (String(form.get(HONEYPOT_FIELD) ?? "") !== "") return { status: "sent" };
  const result = await submit({ ...values, tenant: form.get("tenant"), vehicle: form.get("vehicle") });
  if (!result.ok && result.code === "rate_limited")
    return { status: "error", problems: [], values, attempt, notice: result.message };
  if (!result.ok) return { status: "error", problems: ["unavailable"], values, attempt };
  return result.data.ok
    ? { status: "sent" }
    : { status: "error", problems: result.data.problems, values, attempt };
}
