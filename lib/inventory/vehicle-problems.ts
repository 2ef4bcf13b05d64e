// VehicleInput's problems (i18n keys per field) -> messages in the user's language, with the
// numbers the schema enforces ("Isi angka antara 1950 dan 2027."). Zod's own English never reaches
// a person: an issue without one of our keys reads as "vehicles.error.invalid".
import type { z } from "zod";
import { Invalid } from "@/lib/core/errors";
import { MESSAGES, type MessageKey, type Translate } from "@/lib/core/i18n/messages";
import { VEHICLE_LIMITS } from "@/lib/inventory/vehicle-input";

/** Field -> message keys; the field is the top-level one ("features" for "features.3"). */
export type VehicleProblems = Map<string, MessageKey[]>;

const isMessageKey = (value: string): value is MessageKey => Object.hasOwn(MESSAGES.id, value);

export function addProblem(problems: VehicleProblems, field: string, key: MessageKey): void {
  const keys = problems.get(field) ?? [];
  if (!keys.includes(key)) problems.set(field, [...keys, key]);
}

export function vehicleProblemsOf(error: z.ZodError): VehicleProblems {
  const problems: VehicleProblems = new Map();
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_";
    addProblem(problems, field, isMessageKey(issue.message) ? issue.message : "vehicles.error.invalid");
  }
  return problems;
}

function limitsOf(field: string): Record<string, number> {
  return Object.hasOwn(VEHICLE_LIMITS, field)
    ? { ...VEHICLE_LIMITS[field as keyof typeof VEHICLE_LIMITS] }
    : {};
}

/** Field -> messages in the language of `t`, as forms show them next to their fields. */
export function translateVehicleProblems(problems: VehicleProblems, t: Translate): Record<string, string[]> {
  return Object.fromEntries(
    [...problems].map(([field, keys]) => [field, keys.map((key) => t(key, limitsOf(field)))]),
  );
}

/** "year: Enter a number between 1950 and 2027.; price: ..." for a CLI line or a CSV row. */
export function vehicleProblemLines(
  problems: VehicleProblems,
  t: Translate,
  nameOf: (field: string) => string = (field) => field,
): string[] {
  return Object.entries(translateVehicleProblems(problems, t)).map(
    ([field, messages]) => `${nameOf(field)}: ${messages.join(" ")}`,
  );
}

/** The domain error for a refused vehicle: a summary line and the field messages for the form. */
export function vehicleInvalid(problems: VehicleProblems, t: Translate, summary?: string): Invalid {
  return new Invalid(
    summary ?? vehicleProblemLines(problems, t).join("; "),
    translateVehicleProblems(problems, t),
  );
}
