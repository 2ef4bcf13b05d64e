"use server";
import { headers } from "next/headers";
import { createCatalogLead, type LeadProblem } from "@/lib/leads/catalog-lead";
import { findTenantBySegment } from "@/lib/tenancy/resolve";

export interface LeadValues {
  name: string;
  phone: string;
  message: string;
}

/** On error the buyer's input comes back, so nothing typed is lost. */
export type LeadFormState =
  | { status: "idle" }
  | { status: "sent" }
  | { status: "error"; problems: LeadProblem[]; values: LeadValues; attempt: number };

/** Public form: the showroom is the one whose page the buyer is on, and the car must be listed there. */
export async function submitLead(previous: LeadFormState, form: FormData): Promise<LeadFormState> {
  const values = {
    name: String(form.get("name") ?? ""),
    phone: String(form.get("phone") ?? ""),
    message: String(form.get("message") ?? ""),
  };
  const attempt = previous.status === "error" ? previous.attempt + 1 : 1;
  const tenant = await findTenantBySegment(String(form.get("tenant") ?? ""));
  if (tenant?.status !== "active") return { status: "error", problems: ["unavailable"], values, attempt };
  const ip = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  const result = await createCatalogLead({
    tenantId: tenant.id,
    vehicleSlug: String(form.get("vehicle") ?? ""),
    input: values,
    ip,
  });
  return result.ok ? { status: "sent" } : { status: "error", problems: result.problems, values, attempt };
}
