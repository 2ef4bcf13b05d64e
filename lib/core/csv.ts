// The one way a CSV file leaves the app (csv-stringify underneath): every cell that a spreadsheet
// would run as a formula is made inert, the file starts with a UTF-8 BOM (so Excel reads "Rp" and
// "é" right), and the separator is a comma or, for Excel set to an Indonesian region (where the
// list separator is ";"), a semicolon. Imports undo the escape with `restoreCell`, so an export
// still round-trips.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";

/** How a user names the separator in a URL (`?separator=semicolon`). */
export const CsvSeparatorName = z.enum(["comma", "semicolon"]);
export type CsvSeparatorName = z.infer<typeof CsvSeparatorName>;

const SEPARATORS: Record<CsvSeparatorName, string> = { comma: ",", semicolon: ";" };

// OWASP "CSV injection": a cell starting with = + - @ (or a tab / carriage return, which some
// spreadsheets skip before reading a formula) is a formula to Excel, LibreOffice and Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;
// A cell that already starts with apostrophes before one of those gets one more, so
// `restoreCell` can always take exactly one off again.
const ESCAPED_START = /^'+[=+\-@\t\r]/;

/** The cell as written: a leading apostrophe before anything a spreadsheet would evaluate. */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) || ESCAPED_START.test(text) ? `'${text}` : text;
}

/** The cell as it was before `neutralizeCell` (for imports of our own exports). */
export function restoreCell(text: string): string {
  return ESCAPED_START.test(text) ? text.slice(1) : text;
}

/**
 * A whole CSV file: the header row, then the rows, every cell neutralized, fields quoted only when
 * they contain the separator, a quote or a line break, "\n" between records, a BOM in front.
 */
export function csvFile(options: {
  header: string[];
  rows: string[][];
  separator?: CsvSeparatorName;
}): string {
  const records = [options.header, ...options.rows].map((row) => row.map(neutralizeCell));
  return stringify(records, {
    bom: true,
    delimiter: SEPARATORS[options.separator ?? "comma"],
    record_delimiter: "\n",
  });
}

/** The download: text/csv in UTF-8 as an attachment named `filename`. */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    },
  });
}
