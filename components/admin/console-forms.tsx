"use client";
// The console's interactive parts: create a showroom (welcome message shown once), plan limits,
// suspend/reactivate, delete after export, per-user controls and platform settings. Every
// decision is re-checked by the server action (super admin + second factor).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  createShowroomAction,
  deleteShowroomAction,
  forcePasswordResetAction,
  savePlatformSettingsAction,
  setShowroomStatusAction,
  setUserActiveAction,
  unlockUserAction,
  updateShowroomLimitsAction,
} from "@/app/(platform)/admin/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/actions/result";
import type { PlatformSettingsView } from "@/lib/admin/settings";
import { type Locale, type MessageKey, translator } from "@/lib/core/i18n/messages";
import type { SettingSource } from "@/lib/settings/platform";

function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run<T>(call: () => Promise<ActionResult<T>>, onOk?: (data: T) => void) {
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        const fields = result.fieldErrors
          ? Object.entries(result.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(", ")}`)
          : [];
        setError([result.message, ...fields].join(" "));
        return;
      }
      setError(null);
      onOk?.(result.data);
      router.refresh();
    });
  }
  /** A form's onSubmit: builds the action's input from the form, then runs it like run does. */
  function submit<T>(
    call: (form: HTMLFormElement) => Promise<ActionResult<T>>,
    onOk?: (data: T, form: HTMLFormElement) => void,
  ) {
    return (event: React.FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      run(
        () => call(form),
        (data) => onOk?.(data, form),
      );
    };
  }
  return { pending, error, run, submit };
}

function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <p className="text-sm text-destructive" role="alert" data-testid="form-error">
      {error}
    </p>
  ) : null;
}

/** Below a form: the action's error, "saved" once it succeeded, and the submit button. */
function FormFooter({
  className,
  error,
  saved,
  pending,
  label,
  buttonClassName,
  children,
}: {
  className: string;
  buttonClassName?: string;
  error: string | null;
  saved?: string | false;
  pending: boolean;
  label: string;
  children?: React.ReactNode;
}) {
  return (
    <div className={className}>
      <ErrorText error={error} />
      {saved && <p className="text-sm text-success">{saved}</p>}
      <Button type="submit" disabled={pending} className={buttonClassName}>
        {label}
      </Button>
      {children}
    </div>
  );
}

function Field({
  name,
  label,
  type = "text",
  defaultValue,
  required,
  placeholder,
}: {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string | number;
  required?: boolean;
  placeholder?: string;
}) {
  return (
    <div className="space-y-1">
      <Label htmlFor={name}>{label}</Label>
      <Input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        placeholder={placeholder}
        step={type === "number" ? "any" : undefined}
      />
    </div>
  );
}

const text = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? "");

export function CreateShowroomForm({ locale }: { locale: Locale }) {
  const t = translator(locale);
  const { pending, error, submit } = useAction();
  const [welcome, setWelcome] = useState<string | null>(null);
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={submit(
        (form) =>
          createShowroomAction({
            name: text(form, "name"),
            slug: text(form, "slug"),
            city: text(form, "city"),
            ownerName: text(form, "ownerName"),
            ownerEmail: text(form, "ownerEmail"),
            ownerWhatsapp: text(form, "ownerWhatsapp"),
          }),
        (data, form) => {
          setWelcome(data.welcomeMessage);
          form.reset();
        },
      )}
    >
      <Field name="name" label={t("admin.create.name")} required />
      <Field name="slug" label={t("admin.create.slug")} required placeholder="mobil-sejahtera" />
      <Field name="city" label={t("admin.create.city")} />
      <Field name="ownerName" label={t("admin.create.ownerName")} required />
      <Field name="ownerEmail" label={t("admin.create.ownerEmail")} type="email" required />
      <Field name="ownerWhatsapp" label={t("admin.create.ownerWhatsapp")} type="tel" />
      <FormFooter
        className="space-y-2 sm:col-span-2"
        error={error}
        pending={pending}
        label={t("admin.create.submit")}
        buttonClassName="w-full sm:w-auto"
      >
        {welcome && (
          <div className="space-y-1 rounded-md border border-success/40 bg-success/10 p-3">
            <p className="text-sm font-medium">{t("admin.create.done")}</p>
            <pre className="whitespace-pre-wrap break-all font-mono text-xs" data-testid="welcome-message">
              {welcome}
            </pre>
          </div>
        )}
      </FormFooter>
    </form>
  );
}

export interface ShowroomControlsProps {
  locale: Locale;
  tenantId: string;
  slug: string;
  status: "active" | "suspended";
  limits: { maxVehicles: number; maxStaff: number; aiMonthlyBudgetUsd: number; aiRatePerMinute: number };
}

/** Each plan limit: its form field and label. */
const LIMIT_FIELDS = [
  ["maxVehicles", "admin.limits.maxVehicles"],
  ["maxStaff", "admin.limits.maxStaff"],
  ["aiMonthlyBudgetUsd", "admin.limits.aiBudget"],
  ["aiRatePerMinute", "admin.limits.aiRate"],
] as const satisfies readonly (readonly [keyof ShowroomControlsProps["limits"], MessageKey])[];

export function ShowroomLimitsForm({
  locale,
  tenantId,
  limits,
}: Pick<ShowroomControlsProps, "locale" | "tenantId" | "limits">) {
  const t = translator(locale);
  const { pending, error, submit } = useAction();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="grid grid-cols-2 gap-3"
      onSubmit={submit(
        (form) =>
          updateShowroomLimitsAction({
            tenantId,
            maxVehicles: text(form, "maxVehicles"),
            maxStaff: text(form, "maxStaff"),
            aiMonthlyBudgetUsd: text(form, "aiMonthlyBudgetUsd"),
            aiRatePerMinute: text(form, "aiRatePerMinute"),
          }),
        () => setSaved(true),
      )}
    >
      {LIMIT_FIELDS.map(([name, label]) => (
        <Field key={name} name={name} label={t(label)} type="number" defaultValue={limits[name]} required />
      ))}
      <FormFooter
        className="col-span-2 space-y-2"
        error={error}
        saved={saved && t("admin.saved")}
        pending={pending}
        label={t("admin.limits.save")}
      />
    </form>
  );
}

export function ShowroomStatusBadge({
  locale,
  status,
  ...props
}: Pick<ShowroomControlsProps, "locale" | "status"> & React.ComponentProps<"span">) {
  const t = translator(locale);
  return (
    <Badge variant={status === "active" ? "success" : "warning"} {...props}>
      {t(status === "active" ? "admin.showrooms.status.active" : "admin.showrooms.status.suspended")}
    </Badge>
  );
}

export function ShowroomStatusButton({
  locale,
  tenantId,
  status,
}: Pick<ShowroomControlsProps, "locale" | "tenantId" | "status">) {
  const t = translator(locale);
  const { pending, error, run } = useAction();
  const next = status === "active" ? "suspended" : "active";
  return (
    <div className="space-y-2">
      <ErrorText error={error} />
      <Button
        variant={next === "suspended" ? "destructive" : "default"}
        disabled={pending}
        onClick={() => run(() => setShowroomStatusAction({ tenantId, status: next }))}
      >
        {next === "suspended" ? t("admin.status.suspend") : t("admin.status.reactivate")}
      </Button>
    </div>
  );
}

export function DeleteShowroomForm({
  locale,
  tenantId,
  slug,
}: Pick<ShowroomControlsProps, "locale" | "tenantId" | "slug">) {
  const t = translator(locale);
  const router = useRouter();
  const { pending, error, submit } = useAction();
  return (
    <form
      className="space-y-2"
      onSubmit={submit(
        (form) => deleteShowroomAction({ tenantId, confirmSlug: text(form, "confirmSlug") }),
        () => router.replace("/admin"),
      )}
    >
      <Field name="confirmSlug" label={t("admin.delete.confirm")} placeholder={slug} required />
      <ErrorText error={error} />
      <Button type="submit" variant="destructive" disabled={pending}>
        {t("admin.delete.submit")}
      </Button>
    </form>
  );
}

export function UserControls({
  locale,
  user,
}: {
  locale: Locale;
  user: { id: string; email: string; isActive: boolean; locked: boolean };
}) {
  const t = translator(locale);
  const { pending, error, run } = useAction();
  const [temporary, setTemporary] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          onClick={() => run(() => setUserActiveAction({ userId: user.id, active: !user.isActive }))}
        >
          {user.isActive ? t("admin.users.deactivate") : t("admin.users.reactivate")}
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          onClick={() =>
            run(
              () => forcePasswordResetAction({ userId: user.id }),
              (data) =>
                setTemporary(
                  t("admin.users.tempPassword", { email: data.email, password: data.temporaryPassword }),
                ),
            )
          }
        >
          {t("admin.users.reset")}
        </Button>
        {user.locked && (
          <Button
            size="sm"
            variant="outline"
            disabled={pending}
            onClick={() => run(() => unlockUserAction({ userId: user.id }))}
          >
            {t("admin.users.unlock")}
          </Button>
        )}
      </div>
      <ErrorText error={error} />
      {temporary && (
        <p className="break-all rounded-md bg-muted p-2 font-mono text-xs" data-testid="temporary-password">
          {temporary}
        </p>
      )}
    </div>
  );
}

const SOURCE_KEY: Record<SettingSource, MessageKey> = {
  saved: "platformSettings.source.saved",
  environment: "platformSettings.source.environment",
  unset: "platformSettings.source.unset",
};

export function PlatformSettingsForm({ locale, values }: { locale: Locale; values: PlatformSettingsView }) {
  const t = translator(locale);
  const { pending, error, submit } = useAction();
  const [saved, setSaved] = useState(false);
  const { inEffect } = values;
  const hint = (masked: string) =>
    masked ? t("admin.settings.secretHint", { masked }) : t("admin.settings.secretEmpty");
  const source = (value: SettingSource) => (
    <p className="text-xs text-muted-foreground" data-testid="setting-source">
      {t(SOURCE_KEY[value])}
    </p>
  );
  const secretField = (name: string, label: MessageKey, masked: string, from: SettingSource) => (
    <div className="space-y-1">
      <Label htmlFor={name}>{t(label)}</Label>
      <Input id={name} name={name} type="password" autoComplete="off" />
      <p className="text-xs text-muted-foreground">{hint(masked)}</p>
      {masked && (
        <label className="flex items-center gap-2 text-xs">
          <input type="checkbox" name={`${name}Clear`} />
          {t("platformSettings.clearSecret")}
        </label>
      )}
      {source(from)}
    </div>
  );
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={submit(
        (form) =>
          savePlatformSettingsAction({
            aiProvider: text(form, "aiProvider"),
            aiModel: text(form, "aiModel"),
            aiApiKey: text(form, "aiApiKey") || undefined,
            aiApiKeyClear: text(form, "aiApiKeyClear") === "on",
            whatsappAppId: text(form, "whatsappAppId"),
            whatsappApiVersion: text(form, "whatsappApiVersion"),
            whatsappVerifyToken: text(form, "whatsappVerifyToken"),
            whatsappAppSecret: text(form, "whatsappAppSecret") || undefined,
            whatsappAppSecretClear: text(form, "whatsappAppSecretClear") === "on",
            rootDomain: text(form, "rootDomain"),
          }),
        () => setSaved(true),
      )}
    >
      <p className="text-sm text-muted-foreground sm:col-span-2">{t("platformSettings.precedence")}</p>
      <div className="space-y-1">
        <Label htmlFor="aiProvider">{t("admin.settings.aiProvider")}</Label>
        <NativeSelect id="aiProvider" name="aiProvider" defaultValue={values.aiProvider}>
          <option value="">{t("platformSettings.fromEnvironment")}</option>
          <option value="local">local</option>
          <option value="anthropic">anthropic</option>
          <option value="openai">openai</option>
        </NativeSelect>
        <p className="text-xs text-muted-foreground" data-testid="ai-provider-in-effect">
          {t("platformSettings.inEffect", { value: inEffect.aiProvider })} ·{" "}
          {t(SOURCE_KEY[inEffect.aiProviderSource])}
        </p>
      </div>
      <Field name="aiModel" label={t("admin.settings.aiModel")} defaultValue={values.aiModel} />
      {secretField("aiApiKey", "admin.settings.aiApiKey", values.aiApiKeyMasked, inEffect.aiApiKeySource)}
      <Field
        name="whatsappAppId"
        label={t("admin.settings.whatsappAppId")}
        defaultValue={values.whatsappAppId}
      />
      <Field
        name="whatsappApiVersion"
        label={t("admin.settings.whatsappApiVersion")}
        defaultValue={values.whatsappApiVersion}
        placeholder={inEffect.whatsappApiVersion}
      />
      <div className="space-y-1">
        <Field
          name="whatsappVerifyToken"
          label={t("admin.settings.whatsappVerifyToken")}
          defaultValue={values.whatsappVerifyToken}
        />
        {source(inEffect.whatsappVerifyTokenSource)}
      </div>
      {secretField(
        "whatsappAppSecret",
        "admin.settings.whatsappAppSecret",
        values.whatsappAppSecretMasked,
        inEffect.whatsappAppSecretSource,
      )}
      <Field name="rootDomain" label={t("admin.settings.rootDomain")} defaultValue={values.rootDomain} />
      <FormFooter
        className="space-y-2 sm:col-span-2"
        error={error}
        saved={saved && t("admin.saved")}
        pending={pending}
        label={t("admin.settings.save")}
      />
    </form>
  );
}
