import type { AnyProcedure } from "@trpc/server";
import { z } from "zod";
import { appRouter } from "@/server/trpc/root";

/**
 * Procedures anyone may call signed out. Explicit, so a new public procedure is a decision someone made
 * (and the security tests below ask for its matrix and fuzz entries).
 */
export const PUBLIC_PROCEDURES = [
  "catalog.listGroups", "catalog.getProduct", "checkout.quote", "checkout.placeOrder",
  // The invitation link's form: the one-time token is the credential (server/staff/accept-invitation.ts).
  "staff.acceptInvitation",
  // "Forgot your password?": the same answer for every address; the reset link's token is the credential.
  "security.requestPasswordReset", "security.resetPassword",
] as const;

type TProcedureInfo = { path: string; type: string; isStaff: boolean; inputKeys: string[] };

/** The top-level keys of a procedure's zod input (through .default/.optional wrappers), or [] without one. */
const inputKeysOf = (procedure: AnyProcedure) => {
  const inputs = (procedure._def as { inputs?: unknown[] }).inputs ?? [];
  return inputs.flatMap((schema) => {
    let current = schema as z.ZodType;
    while (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodPipe) {
      current = current instanceof z.ZodPipe ? (current.in as z.ZodType) : (current.unwrap() as z.ZodType);
    }
    return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
  });
};

/** Every procedure of the app router, flattened to its dotted path. */
export const allProcedures = (): TProcedureInfo[] =>
  // NOTE: typed as the nested router record, but at runtime a flat map of dotted path → procedure.
  Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    isStaff: Boolean((procedure._def.meta as { permission?: string } | undefined)?.permission),
    inputKeys: inputKeysOf(procedure),
  }));

/** What a client contact can reach: every procedure that is neither a staff one nor public. */
export const clientProcedures = () =>
  allProcedures().filter((info) => !info.isStaff && !(PUBLIC_PROCEDURES as readonly string[]).includes(info.path));

/** Not record IDs despite the name: a tax ID is a number the client types about itself. */
const NOT_RECORD_IDS = new Set(["taxId"]);

/** Input keys that carry a record's ID: the ones an attacker swaps for someone else's. */
export const takesAnId = (info: TProcedureInfo) => info.inputKeys.some((key) => /id$/i.test(key) && !NOT_RECORD_IDS.has(key));
