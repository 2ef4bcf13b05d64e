// Users across showrooms: search by email or name; deactivate, force a password reset, unlock.

import { UserControls } from "@/components/admin/console-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
import { adminPage } from "@/lib/actions/pages";
import { searchUsers, UserSearch } from "@/lib/admin/users";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const search = UserSearch.catch({}).parse(await searchParams);
  const { data: users } = await adminPage(({ actor }) => searchUsers(actor, search));
  const { locale, t } = await getTranslator();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("admin.nav.users")}</h1>
      <SearchForm
        defaultValue={search.q}
        label={t("admin.users.search")}
        submitLabel={t("admin.showrooms.searchButton")}
      />
      <Card>
        <CardContent className="divide-y divide-border p-0">
          {users.map((row) => (
            <div key={row.id} className="space-y-2 p-4 text-sm" data-testid={`user-${row.email}`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="break-all font-medium">{row.email}</span>
                {!row.isActive && <Badge variant="destructive">{t("admin.users.inactive")}</Badge>}
                {row.locked && <Badge variant="warning">{t("admin.users.locked")}</Badge>}
                {row.mustChangePassword && <Badge variant="outline">{t("admin.users.mustChange")}</Badge>}
              </div>
              <p className="text-muted-foreground">
                {row.name} · {row.role}
                {row.tenantName ? ` · ${row.tenantName}` : ""}
              </p>
              {row.role !== "super_admin" && <UserControls locale={locale} user={row} />}
            </div>
          ))}
        </CardContent>
      </Card>
    </div>
  );
}
