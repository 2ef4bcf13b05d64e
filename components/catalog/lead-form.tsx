"use client";
import { useActionState } from "react";
import { type LeadFormState, submitLead } from "@/app/[tenant]/vehicles/[slug]/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { HONEYPOT_FIELD } from "@/lib/leads/honeypot";

export interface LeadFormText {
  title: string;
  name: string;
  phone: string;
  message: string;
  submit: string;
  sent: string;
  errors: Record<string, string>;
  /** The honeypot's label: leave this field empty. */
  honeypot: string;
}

export function LeadForm({ tenant, vehicle, text }: { tenant: string; vehicle: string; text: LeadFormText }) {
  const [state, action, pending] = useActionState<LeadFormState, FormData>(submitLead, { status: "idle" });
  if (state.status === "sent") {
    return (
      <p
        role="status"
        className="rounded-lg border border-success/40 bg-success/10 p-4 text-sm font-medium"
        data-testid="lead-sent"
      >
        {text.sent}
      </p>
    );
  }
  const problems = state.status === "error" ? state.problems : [];
  const notice = state.status === "error" ? state.notice : undefined;
  const values = state.status === "error" ? state.values : { name: "", phone: "", message: "" };
  /** A field's id, name, what the buyer typed last time, and whether it was refused. */
  const bind = (name: keyof typeof values) => ({
    id: `lead-${name}`,
    name,
    defaultValue: values[name],
    "aria-invalid": problems.includes(name),
  });
  // A new key after each failed attempt remounts the fields with what the buyer typed.
  return (
    <form
      key={state.status === "error" ? state.attempt : 0}
      action={action}
      className="space-y-3 rounded-lg border border-border bg-card p-4"
      noValidate
    >
      <h2 className="text-lg font-semibold">{text.title}</h2>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="vehicle" value={vehicle} />
      {/* Off-screen rather than display:none, which some bots skip; people never reach it by Tab. */}
      <div className="absolute -left-[10000px] h-px w-px overflow-hidden" data-testid="lead-honeypot">
        <label htmlFor="lead-website">{text.honeypot}</label>
        <input
          id="lead-website"
          name={HONEYPOT_FIELD}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>
      <Field id="lead-name" label={text.name}>
        <Input {...bind("name")} autoComplete="name" required />
      </Field>
      <Field id="lead-phone" label={text.phone}>
        <Input {...bind("phone")} type="tel" inputMode="tel" autoComplete="tel" required />
      </Field>
      <Field id="lead-message" label={text.message}>
        <Textarea {...bind("message")} rows={3} />
      </Field>
      {notice ? (
        <p role="alert" data-testid="lead-limited" className="text-sm text-destructive">
          {notice}
        </p>
      ) : null}
      {problems.length ? (
        <ul role="alert" data-testid="lead-errors" className="space-y-1 text-sm text-destructive">
          {problems.map((problem) => (
            <li key={problem}>{text.errors[problem]}</li>
          ))}
        </ul>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {text.submit}
      </Button>
    </form>
  );
}
