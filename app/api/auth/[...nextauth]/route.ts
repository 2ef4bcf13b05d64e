import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withSignInRateLimits } from "@/lib/auth/sign-in-route";

const handler = withSignInRateLimits(NextAuth(authOptions));

export { handler as GET, handler as POST };
