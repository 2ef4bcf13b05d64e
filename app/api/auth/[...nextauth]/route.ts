import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withSignInRateLimits } from "@/lib/auth/sign-in-route";
import { declaredBodyBytes, formatBytes } from "@/lib/core/request-body";

const handler = withSignInRateLimits(NextAuth(authOptions));

/** A sign-in form is an e-mail, a password and a token: far under this. */
const MAX_AUTH_BODY = 16 * 1024;

/**
 * next-auth reads the body itself, so its size is decided from the declared length before the
 * handler runs; a streamed (chunked) body declares none and is refused, as no sign-in form sends one.
 */
async function POST(
  request: Request,
  context: { params: Promise<{ nextauth: string[] }> },
): Promise<Response> {
  const declared = declaredBodyBytes(request);
  if (declared === null && request.headers.has("transfer-encoding"))
    return Response.json({ error: "length_required", message: "Send a Content-Length" }, { status: 411 });
  if ((declared ?? 0) > MAX_AUTH_BODY)
    return Response.json(
      { error: "too_large", message: `Body over ${formatBytes(MAX_AUTH_BODY)}` },
      { status: 413 },
    );
  return handler(request, context);
}

export { handler as GET, POST };
