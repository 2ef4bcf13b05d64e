import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginPage } from "@/components/auth/login-page";
import { currentUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Masuk · autolumiku" };

export default async function StaffLogin() {
  const user = await currentUser();
  if (user) redirect(user.role === "super_admin" ? "/admin" : "/dashboard");
  return <LoginPage area="dashboard" />;
}
