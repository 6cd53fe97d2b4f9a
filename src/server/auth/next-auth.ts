import NextAuth, { CredentialsSignin, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { env, resolveAuthSecret } from "@/env";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { logger } from "@/server/logger";
import { clientIp } from "@/server/request";
import { servesHttps } from "@/server/security/deployment";
import { keepSessionToken } from "@/server/security/session";
import { claimsAtSignIn, SESSION_MAX_AGE_SECONDS } from "@/server/security/session-policy";
import { consumeCheckoutSignIn } from "@/server/billing/service";
import { sessionViewer } from "./session-reader";
import { consumeMagicLink, signInWithPassword, type SignedInUser } from "./service";

/** A refused sign-in that carries the sentence to show the person. */
export class SignInRefused extends CredentialsSignin {
  constructor(readonly reason: string, code: string) {
    super(reason);
    this.code = code;
  }
}

async function asNextAuthUser(attempt: () => Promise<SignedInUser>): Promise<User> {
  try {
    const user = await attempt();
    return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } as User;
  } catch (error) {
    if (error instanceof DomainError) {
      throw new SignInRefused(error.message, error.code === "TOO_MANY_REQUESTS" ? "throttled" : "invalid");
    }
    logger.error({ err: error }, "sign-in failed");
    throw error;
  }
}

// Credentials need JWT sessions; each token carries the user's session version, checked on
// every request, so "sign out everywhere" and disabling an account take effect at once, and
// its sign-in time, so a session ends SESSION_MAX_AGE_SECONDS after sign-in.
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
        asNextAuthUser(async () =>
          signInWithPassword(await getDb(), {
            email: String(credentials.email ?? ""),
            password: String(credentials.password ?? ""),
            ip: clientIp(request.headers),
            now: new Date(),
          }),
        ),
    }),
    Credentials({
      id: "magic-link",
      credentials: { token: {} },
      authorize: async (credentials) =>
        asNextAuthUser(async () => consumeMagicLink(await getDb(), { token: String(credentials.token ?? ""), now: new Date() })),
    }),
    // Right after paying for a sign-up: the checkout's single-use token (from the cookie of
    // the browser that started the checkout) signs the new client in once.
    Credentials({
      id: "checkout",
      credentials: { sessionId: {}, token: {} },
      authorize: async (credentials) =>
        asNextAuthUser(async () =>
          consumeCheckoutSignIn(await getDb(), { sessionId: String(credentials.sessionId ?? ""), token: String(credentials.token ?? ""), now: new Date() }),
        ),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, ...claimsAtSignIn({ id: user.id!, sessionVersion: (user as User & { sessionVersion: number }).sessionVersion }, new Date()) };
      return keepSessionToken(await getDb(), token, new Date());
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
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
