// The frame of a page under /dashboard/vehicles: a way back to the list, the page's title, its body.
import Link from "next/link";

export function VehiclesSubpage({
  backLabel,
  title,
  children,
}: {
  backLabel: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/dashboard/vehicles" className="text-sm text-primary underline-offset-4 hover:underline">
        ← {backLabel}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}
