"use server";
// Settings actions (settings.manage): each change is audited in its transaction, then the public
// catalog and the tenant lookup are revalidated so buyers see it on their next request.
import { type ActionResult, runStaffAction } from "@/lib/actions/staff";
import type { StaffUser } from "@/lib/auth/guards";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { BrandingInput, updateBranding } from "@/lib/settings/branding";
import {
  addDomain,
  CreditInput,
  DomainAddInput,
  DomainRemoveInput,
  ProfileInput,
  removeDomain,
  updateCredit,
  updateProfile,
} from "@/lib/settings/settings";
import type { Theme } from "@/lib/tenancy/theme";

const refreshCatalog = async (_result: unknown, user: StaffUser) =>
  revalidateCatalog(user.tenantId, { lookup: true });

export async function updateProfileAction(raw: unknown): Promise<ActionResult<void>> {
  return runStaffAction(
    { permission: "settings.manage", input: ProfileInput, afterCommit: refreshCatalog },
    raw,
    updateProfile,
  );
}

export async function updateBrandingAction(raw: unknown): Promise<ActionResult<Theme>> {
  return runStaffAction(
    { permission: "settings.manage", input: BrandingInput, afterCommit: refreshCatalog },
    raw,
    updateBranding,
  );
}

export async function updateCreditAction(raw: unknown): Promise<ActionResult<void>> {
  return runStaffAction(
    { permission: "settings.manage", input: CreditInput, afterCommit: refreshCatalog },
    raw,
    updateCredit,
  );
}

export async function addDomainAction(raw: unknown): Promise<ActionResult<{ id: string; domain: string }>> {
  return runStaffAction(
    { permission: "settings.manage", input: DomainAddInput, afterCommit: refreshCatalog },
    raw,
    addDomain,
  );
}

export async function removeDomainAction(raw: unknown): Promise<ActionResult<void>> {
  return runStaffAction(
    { permission: "settings.manage", input: DomainRemoveInput, afterCommit: refreshCatalog },
    raw,
    removeDomain,
  );
}
