// GET /api/dashboard/notifications: the signed-in person's unread count and newest unread ones.
// Polled every 20 s by the bell in the dashboard header (see README: Staff notifications).
import { z } from "zod";
import { staffAction } from "@/lib/actions/client";
import { readBell } from "@/lib/notifications/center";

export const dynamic = "force-dynamic";

export const GET = staffAction("dashboard.view")
  .input(z.object({}))
  .route(({ tx, user }) => readBell(tx, user));
