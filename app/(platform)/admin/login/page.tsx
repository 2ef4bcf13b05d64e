import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginPage } from "@/components/auth/login-page";
import { currentUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Masuk admin · autolumiku" };

export default async function AdminLogin() {
  const user = await currentUser();
  if (user?.role === "super_admin") redirect("/admin");
  return <LoginPage area="admin" />;
}
