"use server";
// Settings actions (settings.manage): each change is audited in its transaction; once committed,
// the public catalog and the tenant lookup are revalidated so buyers see it on their next request.
import { staffAction } from "@/lib/actions/client";
import type { StaffDone } from "@/lib/actions/kinds";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { BrandingInput, updateBranding } from "@/lib/settings/branding";
import {
  addDomain,
  DomainAddInput,
  DomainIdInput,
  removeDomain,
  requestDomainCheck,
} from "@/lib/settings/custom-domains";
import { SalesLimitsInput, updateSalesLimits } from "@/lib/settings/sales-limits";
import { CreditInput, ProfileInput, updateCredit, updateProfile } from "@/lib/settings/settings";

const settings = staffAction("settings.manage").afterCommit((_result, { user }: StaffDone) =>
  revalidateCatalog(user.tenantId, { lookup: true }),
);

export const updateProfileAction = settings.input(ProfileInput).action(updateProfile);
export const updateBrandingAction = settings.input(BrandingInput).action(updateBranding);
export const updateCreditAction = settings.input(CreditInput).action(updateCredit);
export const addDomainAction = settings.input(DomainAddInput).action(addDomain);
export const removeDomainAction = settings.input(DomainIdInput).action(removeDomain);
// Nothing serves differently until the check's job has run; that job refreshes routing itself.
export const checkDomainAction = staffAction("settings.manage")
  .input(DomainIdInput)
  .action(requestDomainCheck);
// Not shown to buyers: nothing to revalidate.
export const updateSalesLimitsAction = staffAction("settings.manage")
  .input(SalesLimitsInput)
  .action(updateSalesLimits);
