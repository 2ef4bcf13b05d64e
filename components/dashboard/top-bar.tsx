// The bar at the top of /dashboard and /admin: product name, area, extras (the dashboard's bell),
// language, account, sign-out.
import Link from "next/link";
import { LogoutButton } from "@/components/auth/logout-button";
import { LanguageSwitch } from "@/components/site/language-switch";
import type { Locale } from "@/lib/core/i18n/messages";

export function TopBar(props: {
  home: string;
  area: string;
  locale: Locale;
  languageLabel: string;
  logoutLabel: string;
  logoutTo: string;
  /** The account page (password, sign out everywhere). */
  account?: { href: string; label: string };
  extras?: React.ReactNode;
}) {
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-background/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4">
        <Link href={props.home} className="flex min-w-0 items-baseline gap-2">
          <span className="font-semibold tracking-tight text-primary">autolumiku</span>
          <span className="truncate text-sm text-muted-foreground">{props.area}</span>
        </Link>
        <div className="flex items-center gap-2">
          {props.extras}
          <LanguageSwitch locale={props.locale} label={props.languageLabel} />
          {props.account ? (
            <Link
              href={props.account.href}
              className="rounded-md px-2 py-1.5 text-sm font-medium hover:bg-muted"
              data-testid="account-link"
            >
              {props.account.label}
            </Link>
          ) : null}
          <LogoutButton label={props.logoutLabel} to={props.logoutTo} />
        </div>
      </div>
    </header>
  );
}
