"use client";
// The dashboard's sections as a tab strip that scrolls sideways on a phone. Which sections a user
// sees is decided on the server (by permission); this only marks the current one.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export interface SectionLink {
  href: string;
  label: string;
  /** Current only on this very path, not below it (a section's first tab). */
  exact?: boolean;
}

export function SectionNav({
  links,
  label,
  className,
}: {
  links: SectionLink[];
  label: string;
  className?: string;
}) {
  const pathname = usePathname();
  const current = (link: SectionLink) =>
    link.exact || link.href === "/dashboard"
      ? pathname === link.href
      : pathname === link.href || pathname.startsWith(`${link.href}/`);
  return (
    <nav aria-label={label} className={cn("border-b border-border bg-background", className)}>
      <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 sm:px-4">
        {links.map((link) => (
          <li key={link.href} className="shrink-0">
            <Link
              href={link.href}
              aria-current={current(link) ? "page" : undefined}
              className={cn(
                "inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium",
                current(link)
                  ? "border-primary text-primary"
                  : "border-transparent text-muted-foreground hover:text-foreground",
              )}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
