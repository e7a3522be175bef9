import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import type { TPrincipal } from "@/server/auth/principal";
import { db } from "@/server/db";
import { ADMINISTRATOR_ROLE_ID, BUILT_IN_ROLES } from "@/server/staff/built-in-roles";
import type { TPermission } from "@/server/staff/permissions";
import { resetDatabase } from "../../db";
import { createStaffFixture } from "../../factories/billing-fixtures";
import { databaseFingerprint } from "../../support/db-fingerprint";
import { allProcedures, SAMPLE_INPUTS } from "../../support/staff-procedures";
import { callerFor } from "../../support/trpc";

const staffProcedures = allProcedures().filter((procedure): procedure is typeof procedure & { permission: TPermission } => Boolean(procedure.permission));

/** Calls one procedure by its dotted path and returns the tRPC error code, or "OK". */
const callAs = async (principal: TPrincipal | null, path: string, input: unknown) => {
  const caller = callerFor(principal) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [router, name] = path.split(".") as [string, string];
  try {
    await caller[router]![name]!(input);
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
};

describe("role matrix: every built-in role against every staff procedure", () => {
  beforeEach(resetDatabase);

  it.each(BUILT_IN_ROLES.map((role) => [role.name, role] as const))("%s: FORBIDDEN with nothing changed where it lacks the permission, allowed where it has it", async (_name, role) => {
    const { principal } = await createStaffFixture({ name: `${role.name} Staff`, roleIds: [role.id] });
    const granted = new Set<TPermission>(role.permissions);
    const refused = staffProcedures.filter((procedure) => !granted.has(procedure.permission));
    const allowed = staffProcedures.filter((procedure) => granted.has(procedure.permission));
    if (role.id === ADMINISTRATOR_ROLE_ID) expect(refused).toEqual([]);

    const before = await databaseFingerprint();
    for (const procedure of refused) {
      // Valid input, so the refusal cannot come from the schema: only the permission check stops it.
      expect([procedure.path, await callAs(principal, procedure.path, SAMPLE_INPUTS[procedure.path])]).toEqual([procedure.path, "FORBIDDEN"]);
    }
    expect(await databaseFingerprint()).toEqual(before);

    for (const procedure of allowed) {
      const code = await callAs(principal, procedure.path, SAMPLE_INPUTS[procedure.path]);
      expect([procedure.path, code]).not.toEqual([procedure.path, "FORBIDDEN"]);
      expect([procedure.path, code]).not.toEqual([procedure.path, "UNAUTHORIZED"]);
    }
  });

  it("refuses a deactivated Administrator and a client everywhere, with nothing changed", async () => {
    const { staff, principal } = await createStaffFixture({ name: "Gone Admin" });
    await createStaffFixture({ name: "Remaining Admin" });
    await db.staff.update({ where: { id: staff.id }, data: { isActive: false } });
    const client: TPrincipal = { kind: "client", contactId: "contact-1", clientId: "client-1", name: "Carl" };
    const before = await databaseFingerprint();
    for (const procedure of staffProcedures) {
      expect([procedure.path, await callAs(principal, procedure.path, SAMPLE_INPUTS[procedure.path])]).toEqual([procedure.path, "FORBIDDEN"]);
      expect([procedure.path, await callAs(client, procedure.path, SAMPLE_INPUTS[procedure.path])]).toEqual([procedure.path, "FORBIDDEN"]);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });
});
