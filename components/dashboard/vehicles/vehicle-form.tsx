"use client";
import { useRouter } from "next/navigation";
// The create/edit form for one vehicle. Fields are uncontrolled and the form is submitted by hand
// (not through <form action>, which resets fields), so nothing typed is lost when the server refuses
// it; errors appear under their field. Stock code is suggested from the brand; a stock code or plate
// already in this showroom is flagged while typing, before saving.
import { useRef, useState, useTransition } from "react";
import {
  checkVehicleDuplicates,
  saveVehicle,
  suggestStockCodeFor,
} from "@/app/(platform)/dashboard/vehicles/actions";
import type { VehiclesText } from "@/components/dashboard/vehicles/text";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/use-toast";
import type { VehicleFormField, VehicleFormValues } from "@/lib/inventory/vehicle-form";
import { BODY_TYPES, FUELS, TRANSMISSIONS, VEHICLE_STATUSES } from "@/lib/inventory/vehicle-input";

type Errors = Partial<Record<string, string[]>>;

interface FieldProps {
  name: VehicleFormField;
  label: string;
  errors: Errors;
  hint?: string;
  warning?: string;
  children: (props: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
  }) => React.ReactNode;
}

function Field({ name, label, errors, hint, warning, children }: FieldProps) {
  const id = `vehicle-${name}`;
  const messages = errors[name] ?? [];
  const describedBy =
    [hint ? `${id}-hint` : "", messages.length ? `${id}-error` : "", warning ? `${id}-warning` : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children({ id, name, "aria-invalid": messages.length > 0, "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {messages.length ? (
        <p id={`${id}-error`} className="text-sm text-destructive" data-testid={`error-${name}`}>
          {messages.join(" ")}
        </p>
      ) : null}
      {warning ? (
        <p
          id={`${id}-warning`}
          role="status"
          className="text-sm font-medium text-warning"
          data-testid={`warning-${name}`}
        >
          {warning}
        </p>
      ) : null}
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-border bg-card p-4">
      <legend className="px-1 text-base font-semibold">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

function Check({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) {
  return (
    <label className="flex min-h-10 items-center gap-3 text-sm font-medium">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="size-5 accent-primary" />
      {label}
    </label>
  );
}

export function VehicleForm({
  text,
  vehicleId,
  initial,
}: {
  text: VehiclesText;
  vehicleId?: string;
  initial: VehicleFormValues;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<{ stockCode?: string; plateNumber?: string }>({});
  const [pending, startTransition] = useTransition();
  const [stockCodeTouched, setStockCodeTouched] = useState(Boolean(vehicleId));

  const fieldValue = (name: string) =>
    (formRef.current?.elements.namedItem(name) as HTMLInputElement | null)?.value ?? "";

  async function suggestCode() {
    if (stockCodeTouched) return;
    const brand = fieldValue("brand");
    if (!brand.trim()) return;
    const result = await suggestStockCodeFor({ brand });
    const input = formRef.current?.elements.namedItem("stockCode");
    if (result.ok && input instanceof HTMLInputElement && !stockCodeTouched) {
      input.value = result.data;
      void checkDuplicates();
    }
  }

  async function checkDuplicates() {
    const result = await checkVehicleDuplicates({
      stockCode: fieldValue("stockCode") || undefined,
      plateNumber: fieldValue("plateNumber") || undefined,
      vehicleId,
    });
    if (!result.ok) return;
    setWarnings({
      stockCode: result.data.stockCode
        ? text["vehicles.duplicate.stockCode"].replace("{car}", result.data.stockCode.label)
        : undefined,
      plateNumber: result.data.plateNumber
        ? text["vehicles.duplicate.plate"].replace("{car}", result.data.plateNumber.label)
        : undefined,
    });
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values: Record<string, string> = {};
    for (const [key, value] of data.entries()) if (typeof value === "string") values[key] = value;
    startTransition(async () => {
      const result = await saveVehicle({ vehicleId, values });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.message);
        // Take the user to the first field that needs attention.
        const first = Object.keys(result.fieldErrors ?? {})[0];
        if (first) document.getElementById(`vehicle-${first}`)?.focus();
        return;
      }
      setErrors({});
      setFormError(null);
      toast({ title: text["vehicles.saved"] });
      if (vehicleId) router.refresh();
      else router.push(`/dashboard/vehicles/${result.data.id}`);
    });
  }

  const value = (name: VehicleFormField) => initial[name] ?? "";
  const field = (
    name: VehicleFormField,
    label: string,
    input: Partial<React.ComponentProps<"input">> = {},
    extra: { hint?: string; warning?: string } = {},
  ) => (
    <Field name={name} label={label} errors={errors} {...extra}>
      {(props) => <Input {...props} defaultValue={value(name)} {...input} />}
    </Field>
  );
  const select = (
    name: VehicleFormField,
    label: string,
    options: readonly string[],
    labelOf: (option: string) => string,
    withEmpty: boolean,
  ) => (
    <Field name={name} label={label} errors={errors}>
      {(props) => (
        <NativeSelect {...props} defaultValue={value(name)}>
          {withEmpty ? <option value="">{text["vehicles.choose"]}</option> : null}
          {options.map((option) => (
            <option key={option} value={option}>
              {labelOf(option)}
            </option>
          ))}
        </NativeSelect>
      )}
    </Field>
  );
  // Option labels are looked up by a composed key ("vehicles.fuel.diesel"); the option lists and the keys come from the same constants.
  const key = (name: string): string => text[name as keyof VehiclesText] ?? name;
  const plateConflict = Boolean(warnings.plateNumber) || formError === text["vehicles.duplicate.title"];

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" data-testid="vehicle-form">
      <Section title={text["vehicles.section.identity"]}>
        {field("brand", text["vehicles.field.brand"], {
          onBlur: () => void suggestCode(),
          autoCapitalize: "words",
        })}
        {field("model", text["vehicles.field.model"], { autoCapitalize: "words" })}
        {field("variant", text["vehicles.field.variant"])}
        {field("year", text["vehicles.field.year"], { inputMode: "numeric" })}
        {field(
          "stockCode",
          text["vehicles.field.stockCode"],
          {
            onChange: () => setStockCodeTouched(true),
            onBlur: () => void checkDuplicates(),
            autoCapitalize: "characters",
          },
          { hint: text["vehicles.field.stockCodeHint"], warning: warnings.stockCode },
        )}
        {field(
          "plateNumber",
          text["vehicles.field.plateNumber"],
          { onBlur: () => void checkDuplicates(), autoCapitalize: "characters", placeholder: "B 1234 SJA" },
          { warning: warnings.plateNumber },
        )}
        {plateConflict ? (
          <Check
            name="acknowledgeDuplicates"
            label={text["vehicles.duplicate.acknowledge"]}
            defaultChecked={false}
          />
        ) : null}
      </Section>

      <Section title={text["vehicles.section.sale"]}>
        {field(
          "price",
          text["vehicles.field.price"],
          { inputMode: "text", placeholder: "185 jt" },
          { hint: text["vehicles.field.priceHint"] },
        )}
        {select(
          "status",
          text["vehicles.field.status"],
          VEHICLE_STATUSES,
          (option) => key(`vehicles.status.${option}`),
          false,
        )}
        {field("inStockSince", text["vehicles.field.inStockSince"], { type: "date" })}
        {field("city", text["vehicles.field.city"])}
        <Check
          name="negotiable"
          label={text["vehicles.field.negotiable"]}
          defaultChecked={value("negotiable") === "on"}
        />
        <Check
          name="featured"
          label={text["vehicles.field.featured"]}
          defaultChecked={value("featured") === "on"}
        />
      </Section>

      <Section title={text["vehicles.section.specs"]}>
        {select(
          "transmission",
          text["vehicles.field.transmission"],
          TRANSMISSIONS,
          (option) => key(`vehicles.transmission.${option}`),
          true,
        )}
        {select(
          "fuel",
          text["vehicles.field.fuel"],
          FUELS,
          (option) => key(`vehicles.fuel.${option}`),
          false,
        )}
        {field("mileageKm", text["vehicles.field.mileageKm"], { inputMode: "numeric" })}
        {field("engineCc", text["vehicles.field.engineCc"], { inputMode: "numeric" })}
        {select(
          "bodyType",
          text["vehicles.field.bodyType"],
          BODY_TYPES,
          (option) => key(`vehicles.body.${option}`),
          true,
        )}
        {field("seats", text["vehicles.field.seats"], { inputMode: "numeric" })}
        {field("color", text["vehicles.field.color"])}
      </Section>

      <Section title={text["vehicles.section.papers"]}>
        {field("taxValidUntil", text["vehicles.field.taxValidUntil"], { type: "date" })}
        {field("stnkValidUntil", text["vehicles.field.stnkValidUntil"], { type: "date" })}
        {field("previousOwners", text["vehicles.field.previousOwners"], { inputMode: "numeric" })}
      </Section>

      <Section title={text["vehicles.section.description"]}>
        {(["descriptionId", "descriptionEn", "features"] as const).map((name) => (
          <Field key={name} name={name} label={text[`vehicles.field.${name}`]} errors={errors}>
            {(props) => <Textarea {...props} defaultValue={value(name)} rows={name === "features" ? 5 : 4} />}
          </Field>
        ))}
      </Section>

      {formError ? (
        <p
          role="alert"
          className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive"
          data-testid="form-error"
        >
          {formError}
        </p>
      ) : null}
      <div className="sticky bottom-0 -mx-4 border-t border-border bg-background/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        <Button type="submit" className="w-full sm:w-auto" disabled={pending}>
          {pending ? text["vehicles.saving"] : text["vehicles.save"]}
        </Button>
      </div>
    </form>
  );
}
