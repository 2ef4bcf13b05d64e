"use client";
import { useActionState } from "react";
import { type LeadFormState, submitLead } from "@/app/[tenant]/vehicles/[slug]/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
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
      <div className="space-y-1.5">
        <Label htmlFor="lead-name">{text.name}</Label>
        <Input
          id="lead-name"
          name="name"
          defaultValue={values.name}
          autoComplete="name"
          required
          aria-invalid={problems.includes("name")}
        />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="lead-phone">{text.phone}</Label>
        <Input
          id="lead-phone"
          name="phone"
          defaultValue={values.phone}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          required
          aria-invalid={problems.includes("phone")}
        />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="lead-message">{text.message}</Label>
        <Textarea
          id="lead-message"
          name="message"
          defaultValue={values.message}
          rows={3}
          aria-invalid={problems.includes("message")}
        />
      </div>
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
