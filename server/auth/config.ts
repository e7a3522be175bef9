import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticateClient, authenticateStaff } from "./authenticate";
import { type TPrincipal, ZPrincipal } from "./principal";

const ZCredentials = z.object({ email: z.string().email(), password: z.string().min(1).max(200) });

const credentialsFor = (id: "client" | "staff", authenticate: (email: string, password: string) => Promise<TPrincipal | null>) =>
  CredentialsProvider({
    id,
    name: id,
    credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
    authorize: async (raw) => {
      const parsed = ZCredentials.safeParse(raw);
      if (!parsed.success) return null;
      const principal = await authenticate(parsed.data.email, parsed.data.password);
      return principal ? { id: principal.kind === "client" ? principal.contactId : principal.staffId, principal } : null;
    },
  });

/** Sessions are signed JWT cookies; the principal inside is re-validated with zod on every read. */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [credentialsFor("client", authenticateClient), credentialsFor("staff", authenticateStaff)],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user && "principal" in user) {
        token.principal = user.principal as TPrincipal;
      }
      return token;
    },
    session: ({ session, token }) => {
      const parsed = ZPrincipal.safeParse(token.principal);
      return { ...session, principal: parsed.success ? parsed.data : null };
    },
  },
};
