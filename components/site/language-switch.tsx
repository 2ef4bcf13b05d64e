// Works without JavaScript: a GET form with one button per language (see app/api/locale).
import type { Locale } from "@/lib/core/i18n/messages";
import { cn } from "@/lib/utils";

export function LanguageSwitch({
  locale,
  label,
  className,
}: {
  locale: Locale;
  label: string;
  className?: string;
}) {
  return (
    <form
      method="get"
      action="/api/locale"
      className={cn("flex items-center gap-1 text-sm", className)}
      aria-label={label}
    >
      {(["id", "en"] as const).map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          aria-pressed={option === locale}
          lang={option}
          className={cn(
            "min-h-9 rounded-md px-2 font-medium uppercase focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
            option === locale ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:bg-muted",
          )}
        >
          {option}
        </button>
      ))}
    </form>
  );
}
