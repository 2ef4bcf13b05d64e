// A car or page that does not exist in this showroom. Static (no cookies): it renders inside
// cached catalog pages, so it says it in both languages.
export default function CatalogNotFound() {
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-2 px-4 text-center">
      <p className="text-5xl font-bold text-primary">404</p>
      <h1 className="text-xl font-semibold">Halaman tidak ditemukan</h1>
      <p className="text-sm text-muted-foreground" lang="en">
        Page not found
      </p>
    </main>
  );
}
