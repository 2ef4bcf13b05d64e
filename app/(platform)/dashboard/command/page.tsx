// /dashboard/command: the staff command bar on its own page (embeddable elsewhere as <CommandBar locale=... />).
import { CommandBar } from "@/components/dashboard/command-bar";
import { staffPage } from "@/lib/actions/pages";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function CommandPage() {
  await staffPage("vehicles.write");
  const { locale } = await getTranslator();
  const en = locale === "en";
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{en ? "Quick commands" : "Perintah cepat"}</h1>
        <p className="text-sm text-muted-foreground">
          {en
            ? "The same commands staff send on WhatsApp, e.g. “HX-001 terjual” or “harga HX-001 jadi 160jt”."
            : "Perintah yang sama seperti di WhatsApp, misalnya “HX-001 terjual” atau “harga HX-001 jadi 160jt”."}
        </p>
      </div>
      <CommandBar locale={en ? "en" : "id"} />
    </div>
  );
}
