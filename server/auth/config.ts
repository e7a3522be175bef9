import "server-only";
import { adoptContactLanguage } from "@/server/i18n/adopt-contact-language";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { AppError } from "@/server/errors";
import { now } from "@/server/clock";
import { clientIpFrom } from "@/server/security/client-ip";
import { signInWithPassword, signInWithSecondFactor, type TSignInKind, type TSignInResult } from "./authenticate";
import { type TPrincipal, ZPrincipal } from "./principal";
import { isSessionCurrent } from "./session-state";
import { SIGN_IN_ERROR } from "./sign-in-errors";

const ZPasswordStep = z.object({ email: z.string().email().max(254), password: z.string().min(1).max(200) });
// Contacts may also sign in with their user name (Contact.username; never contains "@").
const ZClientPasswordStep = ZPasswordStep.extend({ email: z.union([z.string().email().max(254), z.string().trim().regex(/^[A-Za-z0-9._-]{3,64}$/)]) });
const ZCodeStep = z.object({ challenge: z.string().min(1).max(2000), code: z.string().trim().min(1).max(40) });

/** next-auth 4 hands a thrown error's message to the form; each refusal is one SIGN_IN_ERROR string. */
const toUser = (result: TSignInResult) => {
  switch (result.status) {
    case "signed-in":
      return { id: result.principal.kind === "client" ? result.principal.contactId : result.principal.staffId, principal: result.principal, sessionVersion: result.sessionVersion };
    case "two-factor":
      throw new Error(`${SIGN_IN_ERROR.twoFactorRequired}:${result.challenge}`);
    case "unavailable":
      throw new Error(SIGN_IN_ERROR.unavailable);
    case "invalid-code":
      throw new Error(SIGN_IN_ERROR.invalidCode);
    case "challenge-expired":
      throw new Error(SIGN_IN_ERROR.challengeExpired);
    default:
      return null;
  }
};

const credentialsFor = (kind: TSignInKind) =>
  CredentialsProvider({
    id: kind,
    name: kind,
    credentials: {
      email: { label: "E-mail", type: "email" },
      password: { label: "Password", type: "password" },
      challenge: { label: "Challenge", type: "text" },
      code: { label: "Code", type: "text" },
    },
    authorize: async (raw, req) => {
      const ip = clientIpFrom(new Headers(Object.entries(req.headers ?? {}).map(([name, value]): [string, string] => [name, String(value)])));
      try {
        const codeStep = ZCodeStep.safeParse(raw);
        const passwordStep = (kind === "client" ? ZClientPasswordStep : ZPasswordStep).safeParse(raw);
        const result = codeStep.success
          ? await signInWithSecondFactor({ ...codeStep.data, ip, now: now() })
          : passwordStep.success
            ? await signInWithPassword({ kind, ...passwordStep.data, ip, now: now() })
            : null;
        if (!result) return null;
        await adoptContactLanguage(result);
        return toUser(result);
      } catch (error) {
        if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error(`${SIGN_IN_ERROR.rateLimited}:${error.details.retryAfterSeconds}`);
        throw error;
      }
    },
  });

/**
 * Sessions are signed JWT cookies carrying the principal and its session version. Every read re-checks them
 * against the database (isSessionCurrent): a blocked account, a raised version (password change or reset,
 * sign out everywhere) or a removed account ends the session on its next request.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [credentialsFor("client"), credentialsFor("staff")],
  callbacks: {
    jwt: async ({ token, user }): Promise<JWT> => {
      if (user && "principal" in user) {
        return { ...token, principal: user.principal as TPrincipal, sessionVersion: (user as { sessionVersion?: number }).sessionVersion };
      }
      const parsed = ZPrincipal.safeParse(token.principal);
      if (!parsed.success || !(await isSessionCurrent(parsed.data, token.sessionVersion))) {
        // NOTE: a token without a principal is a signed-out session; next-auth rewrites the cookie with it.
        return { sub: token.sub };
      }
      return token;
    },
    session: ({ session, token }) => {
      const parsed = ZPrincipal.safeParse(token.principal);
      return { ...session, principal: parsed.success ? parsed.data : null };
    },
  },
};
