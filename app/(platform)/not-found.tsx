import Link from "next/link";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="text-5xl font-bold text-primary">404</p>
      <h1 className="text-xl font-semibold">{t("error.notFound")}</h1>
      <Link href="/" className="text-sm underline underline-offset-4">
        {t("error.back")}
      </Link>
    </main>
  );
}
