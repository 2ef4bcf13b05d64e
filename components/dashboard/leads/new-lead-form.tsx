"use client";
// A lead typed in by staff (walk-in or phone). It is assigned round-robin on the server.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createLeadAction } from "@/app/(platform)/dashboard/leads/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/use-toast";
import { type Locale, translator } from "@/lib/core/i18n/messages";

export function NewLeadForm({ locale }: { locale: Locale }) {
  const t = translator(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("leads.new")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          noValidate
          className="grid gap-3 sm:grid-cols-3"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            startTransition(async () => {
              const result = await createLeadAction({
                name: String(data.get("name") ?? ""),
                phone: String(data.get("phone") ?? ""),
                source: String(data.get("source") ?? "walk_in"),
              });
              if (!result.ok) {
                setErrors(result.fieldErrors ?? { _: [result.message] });
                return;
              }
              setErrors({});
              form.reset();
              toast({ title: t("leads.createdToast") });
              router.refresh();
            });
          }}
        >
          <div className="space-y-1.5">
            <Label htmlFor="lead-name">{t("leads.name")}</Label>
            <Input id="lead-name" name="name" aria-invalid={Boolean(errors.name)} />
            {errors.name ? <p className="text-sm text-destructive">{errors.name.join(" ")}</p> : null}
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="lead-phone">{t("leads.phone")}</Label>
            <Input id="lead-phone" name="phone" inputMode="tel" aria-invalid={Boolean(errors.phone)} />
            {errors.phone ? <p className="text-sm text-destructive">{errors.phone.join(" ")}</p> : null}
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="lead-source">{t("leads.source")}</Label>
            <NativeSelect id="lead-source" name="source" defaultValue="walk_in">
              {(["walk_in", "phone", "whatsapp"] as const).map((source) => (
                <option key={source} value={source}>
                  {t(`leads.source.${source}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          {errors._ ? <p className="text-sm text-destructive sm:col-span-3">{errors._.join(" ")}</p> : null}
          <Button type="submit" disabled={pending} className="sm:col-span-3 sm:w-fit">
            {t("leads.create")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
