// The 404 text, in both languages: not-found pages are static (no cookie, so no chosen language)
// and may be cached inside pages any visitor sees.
import { cn } from "@/lib/utils";

export function NotFoundMessage({ className, children }: { className?: string; children?: React.ReactNode }) {
  return (
    <main className={cn("flex flex-col items-center justify-center px-4 text-center", className)}>
      <p className="text-5xl font-bold text-primary">404</p>
      <h1 className="text-xl font-semibold">Halaman tidak ditemukan</h1>
      <p className="text-sm text-muted-foreground" lang="en">
        Page not found
      </p>
      {children}
    </main>
  );
}
