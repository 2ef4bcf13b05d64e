// withTenant: the only way tenant data is read or written. One interactive transaction per unit
// of work; the tenant is set transaction-locally so a pooled connection never carries it over.
import "server-only";
import { db, type Tx } from "@/lib/core/db/client";
import { Invalid } from "@/lib/core/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export interface TransactionOptions {
  /** Milliseconds the whole unit of work may take before it is rolled back. */
  timeout?: number;
}

export async function withTenant<T>(
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (!isUuid(tenantId)) throw new Invalid("Tenant id is not a UUID");
  return db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
      return work(tx);
    },
    { maxWait: 10_000, timeout: options.timeout ?? 20_000 },
  );
}
