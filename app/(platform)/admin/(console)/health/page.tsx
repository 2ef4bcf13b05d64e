// Platform health: database, queue, webhooks, outbox failures, AI provider, storage probe.
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { adminPage } from "@/lib/actions/pages";
import { healthReport } from "@/lib/admin/health";
import { getTranslator } from "@/lib/core/i18n/server";

function Row({ label, value }: { label: string; value: string | number | null }) {
  return (
    <div className="flex justify-between gap-2 py-1 text-sm">
      <span className="text-muted-foreground">{label}</span>
      <span className="font-mono">{value ?? "–"}</span>
    </div>
  );
}

export default async function HealthPage() {
  const { data: report } = await adminPage(({ actor }) => healthReport(actor));
  const { t } = await getTranslator();
  const sections: { title: string; rows: [string, string | number | null][] }[] = [
    {
      title: t("admin.health.db"),
      rows: [
        ["status", report.db.status],
        ["latency ms", report.db.latencyMs],
      ],
    },
    {
      title: t("admin.health.queue"),
      rows: [
        ["waiting", report.queue.waiting],
        ["oldest s", report.queue.oldestSeconds === null ? null : Math.round(report.queue.oldestSeconds)],
      ],
    },
    {
      title: t("admin.health.webhooks"),
      rows: [
        ["unprocessed", report.webhooks.unprocessed],
        [
          "oldest s",
          report.webhooks.oldestUnprocessedSeconds === null
            ? null
            : Math.round(report.webhooks.oldestUnprocessedSeconds),
        ],
        ["with error", report.webhooks.failed],
      ],
    },
    {
      title: t("admin.health.outbox"),
      rows: report.outboxFailures.length
        ? report.outboxFailures.map((row) => [`code ${row.code}`, row.count])
        : [["failed", 0]],
    },
    {
      title: t("admin.health.ai"),
      rows: [
        ["calls", report.ai.calls],
        ["errors", report.ai.errors],
        ["p50 ms", report.ai.p50LatencyMs],
        ["p95 ms", report.ai.p95LatencyMs],
        ...report.ai.byOutcome.map((row): [string, number] => [row.outcome, row.count]),
      ],
    },
    {
      title: t("admin.health.storage"),
      rows: [
        ["driver", report.storage.driver],
        ["probe", report.storage.probe],
        ["latency ms", report.storage.latencyMs],
      ],
    },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight" data-testid="health-status">
        {t("admin.health.title")} · {report.status}
      </h1>
      <div className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <Card key={section.title}>
            <CardHeader>
              <CardTitle className="text-base">{section.title}</CardTitle>
            </CardHeader>
            <CardContent>
              {section.rows.map(([label, value]) => (
                <Row key={label} label={label} value={value} />
              ))}
            </CardContent>
          </Card>
        ))}
      </div>
      <Card data-testid="dead-letters">
        <CardHeader>
          <CardTitle className="text-base">{t("inputs.health.deadLetters")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Row label={t("inputs.health.deadLettersTotal")} value={report.deadLetters.total} />
          <Row label={t("inputs.health.deadLettersDay")} value={report.deadLetters.lastDay} />
          {report.deadLetters.recent.length ? (
            <ul className="mt-2 space-y-2 text-sm">
              {report.deadLetters.recent.map((letter) => (
                <li key={letter.eventId} className="border-t border-border pt-2">
                  <p className="font-mono text-xs text-muted-foreground">
                    <time dateTime={letter.deadAt}>{letter.deadAt.replace("T", " ").slice(0, 19)}</time> ·{" "}
                    {letter.eventId}
                  </p>
                  <p className="break-words">{letter.reason}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-muted-foreground">{t("inputs.health.deadLettersNone")}</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
