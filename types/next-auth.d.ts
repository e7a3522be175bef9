import type { TPrincipal } from "@/server/auth/principal";

declare module "next-auth" {
  interface Session {
    principal: TPrincipal | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    principal?: TPrincipal;
  }
}
