"use client";
// The controls on a lead's page: status, follow-up date, car of interest, assignee and a new note.
// Each saves on its own through a server action that re-checks the user may touch this lead.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  addLeadNoteAction,
  assignLeadAction,
  changeLeadStatusAction,
  setLeadFollowUpAction,
  setLeadVehicleAction,
} from "@/app/(platform)/dashboard/leads/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/use-toast";
import { type Locale, translator } from "@/lib/core/i18n/messages";

const STATUSES = ["new", "contacted", "negotiating", "won", "lost"] as const;

type SaveResult = { ok: true } | { ok: false; message: string };

interface Props {
  locale: Locale;
  lead: { id: string; status: string; followUpOn: string; vehicleId: string; assigneeId: string };
  cars: { id: string; label: string }[];
  staff: { id: string; name: string; role: string }[];
  canAssign: boolean;
}

export function LeadEditor({ locale, lead, cars, staff, canAssign }: Props) {
  const t = translator(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState("");
  const [followUp, setFollowUp] = useState(lead.followUpOn);

  function save(action: () => Promise<SaveResult>, after?: () => void) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        toast({ title: t("leads.saved") });
        after?.();
      } else toast({ title: result.message, variant: "destructive" });
      router.refresh();
    });
  }

  /** A select that saves the value picked at once (an empty pick, when ignoreEmpty, saves nothing). */
  const savesOnChange = (
    id: string,
    value: string,
    action: (picked: string) => Promise<SaveResult>,
    options: { ignoreEmpty?: boolean } = {},
  ) => ({
    id,
    defaultValue: value,
    disabled: pending,
    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
      const picked = event.target.value;
      if (picked || !options.ignoreEmpty) save(() => action(picked));
    },
  });

  return (
    <Card>
      <CardContent className="grid gap-4 pt-6 sm:grid-cols-2">
        <Field id="lead-status" label={t("leads.status")}>
          <NativeSelect
            {...savesOnChange("lead-status", lead.status, (status) =>
              changeLeadStatusAction({ leadId: lead.id, status }),
            )}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`leads.status.${status}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="lead-follow-up" label={t("leads.followUp")}>
          <div className="flex gap-2">
            <Input
              id="lead-follow-up"
              type="date"
              value={followUp}
              onChange={(event) => setFollowUp(event.target.value)}
            />
            <Button
              type="button"
              variant="outline"
              disabled={pending}
              onClick={() => save(() => setLeadFollowUpAction({ leadId: lead.id, followUpOn: followUp }))}
            >
              {t("leads.save")}
            </Button>
          </div>
        </Field>
        <Field id="lead-car" label={t("leads.car")}>
          <NativeSelect
            {...savesOnChange("lead-car", lead.vehicleId, (vehicleId) =>
              setLeadVehicleAction({ leadId: lead.id, vehicleId }),
            )}
          >
            <option value="">{t("leads.noCar")}</option>
            {cars.map((car) => (
              <option key={car.id} value={car.id}>
                {car.label}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {canAssign ? (
          <Field id="lead-assignee" label={t("leads.assignee")}>
            <NativeSelect
              {...savesOnChange(
                "lead-assignee",
                lead.assigneeId,
                (assigneeId) => assignLeadAction({ leadId: lead.id, assigneeId }),
                { ignoreEmpty: true },
              )}
            >
              {lead.assigneeId ? null : <option value="">{t("leads.unassigned")}</option>}
              {staff.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name} ·{" "}
                  {t(
                    `role.${member.role === "owner" ? "owner" : member.role === "admin" ? "admin" : "sales"}`,
                  )}
                </option>
              ))}
            </NativeSelect>
          </Field>
        ) : null}
        <form
          className="space-y-2 sm:col-span-2"
          onSubmit={(event) => {
            event.preventDefault();
            save(
              () => addLeadNoteAction({ leadId: lead.id, body: note }),
              () => setNote(""),
            );
          }}
        >
          <Label htmlFor="lead-note">{t("leads.addNote")}</Label>
          <Textarea
            id="lead-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t("leads.notePlaceholder")}
            rows={3}
          />
          <Button type="submit" disabled={pending || !note.trim()}>
            {t("leads.addNote")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
