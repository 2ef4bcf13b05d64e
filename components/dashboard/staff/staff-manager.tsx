"use client";
// The staff page's interactive part: the add-staff form (with the one-time generated password) and
// per-person role and activation controls. Every decision is re-checked by the server action.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  changeStaffRoleAction,
  createStaffAction,
  setStaffActiveAction,
} from "@/app/(platform)/dashboard/staff/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/use-toast";
import { type Locale, translator } from "@/lib/core/i18n/messages";

type Role = "owner" | "admin" | "sales";

export interface StaffRowData {
  id: string;
  name: string;
  email: string;
  role: Role;
  whatsappNumber: string | null;
  isActive: boolean;
  lastLoginAt: string | null;
}

function FieldError({ messages, id }: { messages?: string[]; id: string }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="text-sm text-destructive" role="alert">
      {messages.join(" ")}
    </p>
  );
}

function CreateStaffForm({ locale, isOwner }: { locale: Locale; isOwner: boolean }) {
  const t = translator(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [generated, setGenerated] = useState<{ email: string; password: string } | null>(null);

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const input = {
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
      role: String(data.get("role") ?? "sales"),
      whatsappNumber: String(data.get("whatsappNumber") ?? ""),
      password: String(data.get("password") ?? ""),
    };
    startTransition(async () => {
      const result = await createStaffAction(input);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.message);
        return;
      }
      setErrors({});
      setFormError(null);
      form.reset();
      setGenerated(
        result.data.generatedPassword
          ? { email: result.data.user.email, password: result.data.generatedPassword }
          : null,
      );
      toast({ title: t("staff.created", { name: result.data.user.name }) });
      router.refresh();
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("staff.add")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <form
          className="grid gap-4 sm:grid-cols-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit(event.currentTarget);
          }}
        >
          <div className="space-y-1.5">
            <Label htmlFor="staff-name">{t("staff.name")}</Label>
            <Input
              id="staff-name"
              name="name"
              required
              autoComplete="off"
              aria-invalid={Boolean(errors.name)}
            />
            <FieldError id="staff-name-error" messages={errors.name} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="staff-email">{t("staff.email")}</Label>
            <Input
              id="staff-email"
              name="email"
              type="email"
              required
              autoComplete="off"
              aria-invalid={Boolean(errors.email)}
            />
            <FieldError id="staff-email-error" messages={errors.email} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="staff-role">{t("staff.role")}</Label>
            <NativeSelect id="staff-role" name="role" defaultValue="sales">
              <option value="sales">{t("role.sales")}</option>
              {isOwner ? <option value="admin">{t("role.admin")}</option> : null}
            </NativeSelect>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="staff-whatsapp">{t("staff.whatsapp")}</Label>
            <Input
              id="staff-whatsapp"
              name="whatsappNumber"
              inputMode="tel"
              placeholder={t("staff.whatsappHint")}
              aria-invalid={Boolean(errors.whatsappNumber)}
            />
            <FieldError id="staff-whatsapp-error" messages={errors.whatsappNumber} />
          </div>
          <div className="space-y-1.5 sm:col-span-2">
            <Label htmlFor="staff-password">{t("staff.password")}</Label>
            <Input
              id="staff-password"
              name="password"
              type="text"
              autoComplete="new-password"
              aria-describedby="staff-password-hint"
              aria-invalid={Boolean(errors.password)}
            />
            <p id="staff-password-hint" className="text-xs text-muted-foreground">
              {t("staff.passwordHint")}
            </p>
            <FieldError id="staff-password-error" messages={errors.password} />
          </div>
          {formError ? (
            <p className="text-sm text-destructive sm:col-span-2" role="alert" data-testid="staff-form-error">
              {formError}
            </p>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending} className="w-full sm:w-auto">
              {pending ? t("staff.saving") : t("staff.create")}
            </Button>
          </div>
        </form>
        {generated ? (
          <div
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
            data-testid="generated-password"
          >
            <p>{t("staff.generated", { email: generated.email })}</p>
            <p className="mt-1 select-all font-mono text-base font-semibold">{generated.password}</p>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

function StaffRow({
  member,
  locale,
  isMe,
  isOwner,
}: {
  member: StaffRowData;
  locale: Locale;
  isMe: boolean;
  isOwner: boolean;
}) {
  const t = translator(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Admins may only manage sales staff; owners manage everyone but themselves.
  const manageable = !isMe && (isOwner || member.role === "sales");
  const roles: Role[] = isOwner ? ["owner", "admin", "sales"] : ["sales"];

  function run(action: () => Promise<{ ok: boolean; message?: string }>, success: string) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) toast({ title: success });
      else toast({ title: result.message ?? t("action.error"), variant: "destructive" });
      router.refresh();
    });
  }

  return (
    <li
      className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
      data-testid="staff-row"
      data-email={member.email}
    >
      <div className="min-w-0 space-y-0.5">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span className="truncate">{member.name}</span>
          {isMe ? <Badge variant="secondary">{t("staff.you")}</Badge> : null}
          {!member.isActive ? <Badge variant="destructive">{t("staff.inactive")}</Badge> : null}
        </p>
        <p className="truncate text-sm text-muted-foreground">{member.email}</p>
        <p className="text-xs text-muted-foreground">
          {member.whatsappNumber ? `+${member.whatsappNumber} · ` : ""}
          {member.lastLoginAt
            ? t("staff.lastLogin", {
                when: new Date(member.lastLoginAt).toLocaleDateString(locale === "id" ? "id-ID" : "en-GB"),
              })
            : t("staff.neverLoggedIn")}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <label className="sr-only" htmlFor={`role-${member.id}`}>
          {t("staff.role")}
        </label>
        <NativeSelect
          id={`role-${member.id}`}
          className="w-32"
          value={member.role}
          disabled={!manageable || pending}
          onChange={(event) => {
            const role = event.target.value;
            run(
              () => changeStaffRoleAction({ userId: member.id, role }),
              t("staff.roleChanged", { name: member.name }),
            );
          }}
        >
          {(roles.includes(member.role) ? roles : [member.role, ...roles]).map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </NativeSelect>
        {manageable ? (
          <Button
            variant={member.isActive ? "outline" : "secondary"}
            disabled={pending}
            onClick={() =>
              run(
                () => setStaffActiveAction({ userId: member.id, active: !member.isActive }),
                t(member.isActive ? "staff.deactivated" : "staff.reactivated", { name: member.name }),
              )
            }
          >
            {member.isActive ? t("staff.deactivate") : t("staff.reactivate")}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

export function StaffManager({
  locale,
  staff,
  meId,
  isOwner,
}: {
  locale: Locale;
  staff: StaffRowData[];
  meId: string;
  isOwner: boolean;
}) {
  const t = translator(locale);
  return (
    <div className="space-y-6">
      <CreateStaffForm locale={locale} isOwner={isOwner} />
      <Card>
        <ul className="divide-y divide-border">
          {staff.map((member) => (
            <StaffRow
              key={member.id}
              member={member}
              locale={locale}
              isMe={member.id === meId}
              isOwner={isOwner}
            />
          ))}
        </ul>
      </Card>
      {!isOwner ? <p className="text-xs text-muted-foreground">{t("staff.ownerOnly")}</p> : null}
    </div>
  );
}
