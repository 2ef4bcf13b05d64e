import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { adminPage } from "@/lib/auth/guards";
import { withPlatformAccess } from "@/lib/db/platform";
import { getTranslator } from "@/lib/i18n/server";

export default async function AdminHome() {
  const user = await adminPage();
  const { t } = await getTranslator();
  const tenants = await withPlatformAccess(
    { actor: { kind: "super_admin", userId: user.id, email: user.email }, action: "tenant.list", entity: "tenant" },
    (tx) => tx.tenant.findMany({ select: { id: true, slug: true, name: true, status: true }, orderBy: { name: "asc" } }),
  );
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("admin.title")}</h1>
        <p className="text-sm text-muted-foreground" data-testid="signed-in-as">
          {t("admin.signedInAs", { email: user.email })}
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("admin.showrooms")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-2">
          <p className="text-sm text-muted-foreground">{t("admin.showroomCount", { count: tenants.length })}</p>
          <ul className="divide-y divide-border">
            {tenants.map((tenant) => (
              <li key={tenant.id} className="flex items-center justify-between py-2 text-sm">
                <span className="font-medium">{tenant.name}</span>
                <span className="text-muted-foreground">/{tenant.slug}</span>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
