import type { Metadata, Viewport } from "next";
import "../globals.css";
import { Toaster } from "@/components/ui/toaster";
import { getLocale } from "@/lib/core/i18n/server";

export const metadata: Metadata = {
  title: "autolumiku",
  description: "Katalog, dasbor, dan asisten WhatsApp untuk showroom mobil bekas di Indonesia",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        {children}
        <Toaster />
      </body>
    </html>
  );
}
