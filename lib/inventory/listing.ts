// Which cars a buyer may see, in one place: available and booked cars are listed (booked ones
// flagged as booked); sold and draft cars never are. Catalog pages, search, the sitemap, view
// counts, leads, the WhatsApp assistant and the benchmarks' raw SQL all read this rule from here.
import "server-only";
import { Prisma, type VehicleStatus } from "@/lib/generated/prisma/client";

export const LISTED_STATUSES = ["available", "booked"] as const satisfies readonly VehicleStatus[];
export type ListedStatus = (typeof LISTED_STATUSES)[number];

/** The Prisma where fragment: spread it (`{ ...listedWhere, slug }`) or put it in an AND list. */
export const listedWhere = {
  status: { in: [...LISTED_STATUSES] },
} satisfies Prisma.VehicleWhereInput;

export function isListed(status: VehicleStatus): status is ListedStatus {
  return (LISTED_STATUSES as readonly VehicleStatus[]).includes(status);
}

/**
 * The same rule as SQL text, for a raw query built as a string (the benchmarks' pg client):
 * `status IN ('available', 'booked')`, or `v.status IN (...)` with an alias. The statuses are our
 * constants, never input.
 */
export function listedSqlText(alias?: string): string {
  if (alias !== undefined && !/^[a-z_][a-z0-9_]*$/i.test(alias))
    throw new Error(`not a table alias: ${alias}`);
  const column = alias ? `${alias}.status` : "status";
  return `${column} IN (${LISTED_STATUSES.map((status) => `'${status}'`).join(", ")})`;
}

/** The rule for a tagged `$queryRaw` template: `WHERE ${listedSql()}` or `${listedSql("v")}`. */
export function listedSql(alias?: string): Prisma.Sql {
  return Prisma.raw(listedSqlText(alias));
}
