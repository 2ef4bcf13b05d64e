// What a staff use case receives from the action client: who acts, as whom it is audited, and the
// showroom's tenant transaction it runs in.
import "server-only";
import type { Actor } from "@/lib/audit/record";
import type { StaffUser } from "@/lib/auth/guards";
import type { Tx } from "@/lib/core/db/client";

export interface StaffContext {
  user: StaffUser;
  actor: Actor;
  tx: Tx;
}
