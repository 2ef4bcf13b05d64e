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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/use-toast";
import { type Locale, translator } from "@/lib/core/i18n/messages";

const STATUSES = ["new", "contacted", "negotiating", "won", "lost"] as const;

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

  function save(action: () => Promise<{ ok: true } | { ok: false; message: string }>, after?: () => void) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        toast({ title: t("leads.saved") });
        after?.();
      } else toast({ title: result.message, variant: "destructive" });
      router.refresh();
    });
  }

  return (
    <Card>
      <CardContent className="grid gap-4 pt-6 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Label htmlFor="lead-status">{t("leads.status")}</Label>
          <NativeSelect
            id="lead-status"
            defaultValue={lead.status}
            disabled={pending}
            onChange={(event) =>
              save(() => changeLeadStatusAction({ leadId: lead.id, status: event.target.value }))
            }
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`leads.status.${status}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="lead-follow-up">{t("leads.followUp")}</Label>
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
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="lead-car">{t("leads.car")}</Label>
          <NativeSelect
            id="lead-car"
            defaultValue={lead.vehicleId}
            disabled={pending}
            onChange={(event) =>
              save(() => setLeadVehicleAction({ leadId: lead.id, vehicleId: event.target.value }))
            }
          >
            <option value="">{t("leads.noCar")}</option>
            {cars.map((car) => (
              <option key={car.id} value={car.id}>
                {car.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        {canAssign ? (
          <div className="space-y-1.5">
            <Label htmlFor="lead-assignee">{t("leads.assignee")}</Label>
            <NativeSelect
              id="lead-assignee"
              defaultValue={lead.assigneeId}
              disabled={pending}
              onChange={(event) =>
                event.target.value &&
                save(() => assignLeadAction({ leadId: lead.id, assigneeId: event.target.value }))
              }
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
          </div>
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
