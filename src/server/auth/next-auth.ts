import NextAuth, { CredentialsSignin, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import type { z } from "zod";
import { env, resolveAuthSecret } from "@/env";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/lib/errors";
import { logger } from "@/server/logger";
import { clientIp } from "@/server/request";
import { servesHttps } from "@/server/security/deployment";
import { keepSessionToken } from "@/server/security/session";
import { claimsAtSignIn, SESSION_MAX_AGE_SECONDS } from "@/server/security/session-policy";
import { consumeCheckoutSignIn } from "@/server/billing/service";
import { checkoutCredentials, firstProblem, magicLinkCredentials, passwordCredentials } from "./credentials";
import { endDeviceSession, startDeviceSession } from "./device-sessions";
import { sessionViewer } from "./session-reader";
import { consumeMagicLink, signInWithPassword, SignInThrottled, type SignedInUser } from "./service";

/** A refused sign-in that carries the sentence to show the person. */
export class SignInRefused extends CredentialsSignin {
  constructor(readonly reason: string, code: string) {
    super(reason);
    this.code = code;
  }
}

/**
 * The `code` travels in the sign-in page's URL when Auth.js's callback is posted to directly
 * (src/app/(auth)/sign-in/refusals.ts turns it back into a sentence); the form's own action
 * gets the whole sentence.
 */
function refusalCode(error: DomainError): string {
  if (error instanceof SignInThrottled) return `throttled_${error.limit}`;
  if (error.code === "FORBIDDEN") return "deactivated";
  return error.code === "BAD_REQUEST" ? "bad_input" : "invalid";
}

// What authorize hands the jwt callback at sign-in (never stored as such: the token keeps only its claims).
type SigningInUser = User & { sessionVersion: number; device: SigningInDevice };

async function asNextAuthUser<T>(
  schema: z.ZodType<T>,
  credentials: unknown,
  request: Request,
  attempt: (input: T) => Promise<SignedInUser>,
): Promise<User> {
  const parsed = schema.safeParse(credentials);
  if (!parsed.success) throw new SignInRefused(firstProblem(parsed.error), "bad_input");
  try {
    const user = await attempt(parsed.data);
    const signingIn: SigningInUser = { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, device: deviceOf(request) };
    return signingIn;
  } catch (error) {
    if (error instanceof DomainError) throw new SignInRefused(error.message, refusalCode(error));
    logger.error({ err: error }, "sign-in failed");
    throw error;
  }
}

/** The device signing in, as its person would recognise it later (browser, address). */
type SigningInDevice = { userAgent: string | null; ip: string | null };

function deviceOf(request: Request): SigningInDevice {
  return { userAgent: request.headers.get("user-agent"), ip: clientIp(request.headers) };
}

// Credentials need JWT sessions; each token carries the user's session version and its
// device's row (auth_sessions), both checked on every request, so signing out (here or
// everywhere) and disabling an account take effect at once, and its sign-in time, so a
// session ends SESSION_MAX_AGE_SECONDS after sign-in.
export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: resolveAuthSecret(),
  // The embedded default has no AUTH_URL; behind a proxy the host header is what it is.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Auth.js's cookies are httpOnly and SameSite=Lax; Secure (and the __Secure-/__Host-
  // names) follow the deployment, not each request's protocol, which a proxy may hide.
  useSecureCookies: servesHttps(env()),
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      authorize: async (credentials, request) =>
        asNextAuthUser(passwordCredentials, credentials, request, async ({ email, password }) =>
          signInWithPassword(await getDb(), { email, password, ip: clientIp(request.headers), now: new Date() }),
        ),
    }),
    Credentials({
      id: "magic-link",
      credentials: { token: {} },
      authorize: async (credentials, request) =>
        asNextAuthUser(magicLinkCredentials, credentials, request, async ({ token }) => consumeMagicLink(await getDb(), { token, now: new Date() })),
    }),
    // Right after paying for a sign-up: the checkout's single-use token (from the cookie of
    // the browser that started the checkout) signs the new client in once.
    Credentials({
      id: "checkout",
      credentials: { sessionId: {}, token: {} },
      authorize: async (credentials, request) =>
        asNextAuthUser(checkoutCredentials, credentials, request, async ({ sessionId, token }) => consumeCheckoutSignIn(await getDb(), { sessionId, token, now: new Date() })),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signingIn = user as SigningInUser;
        const now = new Date();
        const deviceSessionId = await startDeviceSession(await getDb(), { userId: signingIn.id!, ...signingIn.device, now });
        return { ...token, ...claimsAtSignIn({ id: signingIn.id!, sessionVersion: signingIn.sessionVersion }, deviceSessionId, now) };
      }
      return keepSessionToken(await getDb(), token, new Date());
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
  events: {
    // Sign-out (the app's button, or a POST to /api/auth/signout) ends this device's session
    // on the server: a copy of its cookie is refused from the next request on.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token && typeof token.uid === "string" && typeof token.sid === "string") {
        await endDeviceSession(await getDb(), { userId: token.uid, deviceSessionId: token.sid });
      }
    },
  },
  logger: {
    // A refused sign-in is an expected answer, not an error (class names are minified, so
    // the check is on Auth.js's own `type`).
    error: (error) => {
      if ((error as { type?: string }).type !== "CredentialsSignin") logger.error({ err: error }, "auth error");
    },
  },
  debug: false,
  basePath: "/api/auth",
}));

/** The signed-in user's id, or null (for pages and actions outside tRPC). */
export async function currentUserId(): Promise<string | null> {
  const viewer = await sessionViewer(await getDb(), await headers(), new Date());
  return viewer?.userId ?? null;
}
