// /dashboard/leads/[id]: one lead with its notes, status, follow-up date, car of interest and assignee.
// A salesperson opening a colleague's lead (or any id outside the showroom) gets a 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { LeadEditor } from "@/components/dashboard/leads/lead-editor";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { staffPage } from "@/lib/actions/pages";
import { formatDate, formatDuration, jakartaDay } from "@/lib/analytics/format";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/core/i18n/server";
import { formatRupiah } from "@/lib/core/money";
import { getLeadDetail, listAssignableStaff, listLeadVehicleChoices } from "@/lib/leads/leads";

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const { user, data } = await staffPage("leads.read.own", async ({ tx, user }) => {
    const lead = await getLeadDetail(tx, user, id.data);
    if (!lead) return null;
    return {
      lead,
      staff: can(user.role, "leads.assign") ? await listAssignableStaff(tx) : [],
      cars: await listLeadVehicleChoices(tx),
    };
  });
  if (!data) notFound();
  const { locale, t } = await getTranslator();
  const canAssign = can(user.role, "leads.assign");
  const { lead } = data;
  const responseMinutes = lead.firstResponseAt
    ? (lead.firstResponseAt.getTime() - lead.createdAt.getTime()) / 60_000
    : null;
  const carLabel = lead.vehicle
    ? `${lead.vehicle.brand} ${lead.vehicle.model} ${lead.vehicle.year} · ${lead.vehicle.stockCode}`
    : null;
  const cars =
    carLabel && lead.vehicle && !data.cars.some((car) => car.id === lead.vehicle?.id)
      ? [{ id: lead.vehicle.id, label: carLabel }, ...data.cars]
      : data.cars;

  return (
    <div className="space-y-5">
      <Link
        href="/dashboard/leads"
        className="text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        ← {t("leads.back")}
      </Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight" data-testid="lead-name">
          {lead.name}
        </h1>
        <p className="text-sm text-muted-foreground">
          <a
            href={`https://wa.me/${lead.phone}`}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            +{lead.phone}
          </a>
          {" · "}
          {t(`leads.source.${lead.source}`)} ·{" "}
          {t("leads.created", { date: formatDate(lead.createdAt, locale, true) })}
        </p>
        <p className="text-sm" data-testid="first-response">
          {responseMinutes === null
            ? t("leads.awaitingResponse")
            : t("leads.firstResponse", { after: formatDuration(responseMinutes, locale) })}
        </p>
      </div>
      {lead.message || lead.budget ? (
        <Card>
          <CardContent className="space-y-1 pt-6 text-sm">
            {lead.message ? <p className="whitespace-pre-wrap">{lead.message}</p> : null}
            {lead.budget ? <p className="font-medium">{formatRupiah(lead.budget)}</p> : null}
          </CardContent>
        </Card>
      ) : null}
      <LeadEditor
        locale={locale}
        lead={{
          id: lead.id,
          status: lead.status,
          followUpOn: lead.followUpAt ? jakartaDay(lead.followUpAt) : "",
          vehicleId: lead.vehicleId ?? "",
          assigneeId: lead.assigneeId ?? "",
        }}
        cars={cars}
        staff={data.staff}
        canAssign={canAssign}
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("leads.notes")}</CardTitle>
        </CardHeader>
        <CardContent>
          {lead.leadNotes.length ? (
            <ol className="space-y-4 border-l-2 border-border pl-4" data-testid="lead-notes">
              {lead.leadNotes.map((note) => (
                <li key={note.id} className="space-y-0.5">
                  <p className="text-xs text-muted-foreground">
                    {formatDate(note.createdAt, locale, true)} · {note.author?.name ?? "—"}
                  </p>
                  <p className="whitespace-pre-wrap text-sm">{note.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-muted-foreground">{t("leads.noNotes")}</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
