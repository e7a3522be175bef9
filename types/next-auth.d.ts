import type { TPrincipal } from "@/server/auth/principal";

declare module "next-auth" {
  interface Session {
    principal: TPrincipal | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    principal?: TPrincipal;
    /** The account's session version when the session was issued (server/auth/session-state.ts). */
    sessionVersion?: number;
  }
}
