// /dashboard/simulator: an admin chats with the showroom's WhatsApp number offline (signed webhooks
// into our own endpoint, replies from the local Graph API stand-in). settings.manage only.
import { Simulator } from "@/components/dashboard/simulator/simulator";
import { staffPage } from "@/lib/actions/pages";
import type { MessageKey } from "@/lib/core/i18n/messages";
import { getTranslator } from "@/lib/core/i18n/server";
import { simulatorProblem, simulatorShowroom } from "@/lib/whatsapp/simulator";

/** A number no real buyer has: the demo buyer everyone starts with. */
const DEMO_BUYER = "6281234567890";

const PROBLEM_TEXT: Record<string, MessageKey> = {
  no_secret: "inbox.sim.problem.no_secret",
  not_offline: "inbox.sim.problem.not_offline",
  no_number: "inbox.sim.problem.no_number",
};

export default async function SimulatorPage() {
  const {
    data: { problem, showroom, staff },
  } = await staffPage("settings.manage", async ({ tx, user }) => ({
    problem: await simulatorProblem(tx, user.tenantId),
    showroom: await simulatorShowroom(tx, user.tenantId),
    staff: await tx.user.findMany({
      where: { tenantId: user.tenantId, isActive: true, whatsappNumber: { not: null } },
      select: { id: true, name: true, role: true, whatsappNumber: true },
      orderBy: { name: "asc" },
    }),
  }));
  const { locale, t } = await getTranslator();
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("inbox.sim.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("inbox.sim.intro")}</p>
      </div>
      {problem || !showroom ? (
        <p
          role="alert"
          data-testid="sim-problem"
          className="rounded-md border border-warning bg-background p-3 text-sm"
        >
          {t(PROBLEM_TEXT[problem ?? "no_number"] ?? "inbox.sim.problem.no_number")}
        </p>
      ) : (
        <Simulator
          locale={locale}
          showroomNumber={showroom.displayPhoneNumber}
          defaultNumber={DEMO_BUYER}
          staff={staff.flatMap((member) =>
            member.whatsappNumber
              ? [
                  {
                    id: member.id,
                    name: member.name,
                    role: member.role,
                    whatsappNumber: member.whatsappNumber,
                  },
                ]
              : [],
          )}
        />
      )}
    </div>
  );
}
