import { z } from "zod";

/** Who is signed in. Clients (their contacts) and staff are separate principals that never mix. */
export const ZPrincipal = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("client"), contactId: z.string(), clientId: z.string(), name: z.string() }),
  // NOTE: no role here: a staff member's permissions are read from the database on each request.
  z.object({ kind: z.literal("staff"), staffId: z.string(), name: z.string() }),
]);
export type TPrincipal = z.infer<typeof ZPrincipal>;
export type TClientPrincipal = Extract<TPrincipal, { kind: "client" }>;
export type TStaffPrincipal = Extract<TPrincipal, { kind: "staff" }>;
