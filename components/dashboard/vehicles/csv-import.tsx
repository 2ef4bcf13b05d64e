"use client";
import { useRouter } from "next/navigation";
// CSV import in two steps: check the file (a dry run on the server: per-row result and errors, with
// nothing written), then import exactly that file. Choosing another file starts over.
import { useState, useTransition } from "react";
import { importCsv, previewCsvImport } from "@/app/(platform)/dashboard/vehicles/actions";
import { fill, type VehiclesText } from "@/components/dashboard/vehicles/text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportPreview, ImportReport } from "@/lib/inventory/csv-import";

const OUTCOME_VARIANT = {
  created: "success",
  updated: "warning",
  unchanged: "outline",
  rejected: "destructive",
} as const;
const MAX_BYTES = 2 * 1024 * 1024;

const counts = (report: ImportReport) => ({
  created: report.created,
  updated: report.updated,
  unchanged: report.unchanged,
  rejected: report.rejected.length,
});

export function CsvImport({ text }: { text: VehiclesText }) {
  const router = useRouter();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function choose(file: File | undefined) {
    setPreview(null);
    setReport(null);
    setError(null);
    if (!file) return setCsv(null);
    if (file.size > MAX_BYTES) {
      setCsv(null);
      return setError(text["vehicles.csv.tooBig"]);
    }
    setCsv(await file.text());
  }

  function check() {
    if (!csv) return;
    startTransition(async () => {
      const result = await previewCsvImport({ csv });
      if (result.ok) setPreview(result.data);
      else
        setError(
          result.code === "invalid"
            ? fill(text["vehicles.csv.unreadable"], { reason: result.message })
            : result.message,
        );
    });
  }

  function confirm() {
    if (!csv) return;
    startTransition(async () => {
      const result = await importCsv({ csv });
      if (!result.ok) return setError(result.message);
      setReport(result.data);
      setPreview(null);
      router.refresh();
    });
  }

  const changing = preview ? preview.rows.filter((row) => row.outcome !== "unchanged") : [];
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">{text["vehicles.csv.help"]}</p>
      <div className="space-y-1.5">
        <Label htmlFor="csv-file">{text["vehicles.csv.file"]}</Label>
        <Input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </div>
      <Button type="button" onClick={check} disabled={!csv || pending}>
        {pending && !preview ? text["vehicles.csv.checking"] : text["vehicles.csv.preview"]}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-destructive" data-testid="csv-error">
          {error}
        </p>
      ) : null}

      {preview ? (
        <div className="space-y-3" data-testid="csv-preview">
          <p className="font-medium">{fill(text["vehicles.csv.summary"], counts(preview))}</p>
          {changing.length ? (
            <div className="rounded-lg border border-border bg-card">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>{text["vehicles.csv.row"]}</TableHead>
                    <TableHead>{text["vehicles.col.stockCode"]}</TableHead>
                    <TableHead>{text["vehicles.csv.outcome"]}</TableHead>
                    <TableHead>{text["vehicles.csv.details"]}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {changing.map((row) => (
                    <TableRow key={row.row} data-outcome={row.outcome}>
                      <TableCell>{row.row}</TableCell>
                      <TableCell className="font-mono text-xs">{row.stockCode ?? "–"}</TableCell>
                      <TableCell>
                        <Badge variant={OUTCOME_VARIANT[row.outcome]}>
                          {text[`vehicles.csv.outcome.${row.outcome}`]}
                        </Badge>
                      </TableCell>
                      <TableCell className="min-w-48 text-xs">
                        {row.reason ?? row.changes?.join(", ") ?? ""}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">{text["vehicles.csv.nothing"]}</p>
          )}
          <Button
            type="button"
            onClick={confirm}
            disabled={pending || preview.created + preview.updated === 0}
          >
            {pending ? text["vehicles.csv.importing"] : text["vehicles.csv.confirm"]}
          </Button>
        </div>
      ) : null}

      {report ? (
        <p
          role="status"
          className="rounded-md border border-success/40 bg-success/10 p-3 text-sm font-medium"
          data-testid="csv-done"
        >
          {fill(text["vehicles.csv.done"], counts(report))}
        </p>
      ) : null}
    </div>
  );
}
