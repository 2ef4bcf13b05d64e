// Previous · "page x of y" · next, as plain links: paging works without JavaScript and every page
// has its own URL.
import Link from "next/link";
import { Button } from "@/components/ui/button";

export function Pager({
  page,
  pages,
  hrefOf,
  text,
}: {
  page: number;
  pages: number;
  /** The URL of another page, keeping everything else the visitor chose. */
  hrefOf: (page: number) => string;
  /** "Page x of y" (also the navigation's name), "previous" and "next". */
  text: { page: string; previous: string; next: string };
}) {
  const step = (to: number, label: string) =>
    to >= 1 && to <= pages ? (
      <Button asChild variant="outline">
        <Link href={hrefOf(to)}>{label}</Link>
      </Button>
    ) : (
      <span />
    );
  return (
    <nav className="flex items-center justify-between gap-2" aria-label={text.page}>
      {step(page - 1, text.previous)}
      <span className="text-sm text-muted-foreground">{text.page}</span>
      {step(page + 1, text.next)}
    </nav>
  );
}
