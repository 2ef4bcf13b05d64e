// 404 for URLs no route matches. The app has two root layouts (platform pages and showroom
// catalogs), so this page stands alone: static, in both languages.
import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "404 · autolumiku" };

export default function GlobalNotFound() {
  return (
    <html lang="id">
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
          <p className="text-5xl font-bold text-primary">404</p>
          <h1 className="text-xl font-semibold">Halaman tidak ditemukan</h1>
          <p className="text-sm text-muted-foreground" lang="en">
            Page not found
          </p>
          <a href="/" className="text-sm underline underline-offset-4">
            Kembali ke beranda · Back to home
          </a>
        </main>
      </body>
    </html>
  );
}
