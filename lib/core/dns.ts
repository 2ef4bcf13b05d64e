// TXT lookups for custom-domain verification, through the resolvers DNS_SERVERS names (the system's
// otherwise; tests point it at a local fake). A lookup tells "no such record" apart from "could not
// ask", so a DNS outage is reported as one and not as a missing record.
import { Resolver } from "node:dns/promises";
import { getEnv } from "@/lib/core/env";

export type TxtLookup =
  | { kind: "found"; values: string[] }
  | { kind: "none" }
  | { kind: "error"; code: string };

/** Answers that mean "the name or its TXT record does not exist", as opposed to a failed query. */
const NO_RECORD_CODES = new Set(["ENODATA", "ENOTFOUND"]);

function resolver(): Resolver {
  const made = new Resolver({ timeout: 3000, tries: 2 });
  const servers = getEnv().DNS_SERVERS;
  if (servers) made.setServers(servers);
  return made;
}

function codeOf(error: unknown): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return "EUNKNOWN";
}

/** The TXT records at `name`, each record's character strings joined as RFC 7208 says. */
export async function lookupTxt(name: string): Promise<TxtLookup> {
  try {
    const records = await resolver().resolveTxt(name);
    const values = records.map((chunks) => chunks.join(""));
    return values.length ? { kind: "found", values } : { kind: "none" };
  } catch (error) {
    const code = codeOf(error);
    return NO_RECORD_CODES.has(code) ? { kind: "none" } : { kind: "error", code };
  }
}
