// Machine access to the showroom list and creation; the same client as the console's actions.
import { adminAction } from "@/lib/actions/client";
import { createShowroom, listShowrooms, ShowroomCreateInput, ShowroomSearch } from "@/lib/admin/showrooms";

export const dynamic = "force-dynamic";

export const GET = adminAction()
  .input(ShowroomSearch)
  .route(({ actor }, search) => listShowrooms(actor, search));

export const POST = adminAction()
  .input(ShowroomCreateInput)
  .route(({ actor }, input) => createShowroom(actor, input));
