import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/server/auth/authenticate";
import { db } from "@/server/db";
import { ADMINISTRATOR_ROLE_ID } from "@/server/staff/built-in-roles";
import { acceptInvitation } from "@/server/staff/accept-invitation";
import { INVITATION_TTL_MS, inviteStaff } from "@/server/staff/invite-staff";
import { hasPermission } from "@/server/staff/staff-permissions";
import { resetDatabase } from "../../db";
import { auditEntriesOf } from "../../support/audit-entries";
import { createStaffFixture } from "../../factories/billing-fixtures";
import { databaseFingerprint } from "../../support/db-fingerprint";
import { callerFor } from "../../support/trpc";

const T0 = new Date("2026-06-01T10:00:00Z");
const PASSWORD = "correct horse battery";

const tokenFromMail = async (to: string) => {
  const mail = await db.outboxMail.findFirstOrThrow({ where: { to, template: "staff-invitation" } });
  const token = /\/admin\/invitation\/([\w-]+)/.exec(mail.text)?.[1];
  expect(token).toBeTruthy();
  return { mail, token: token! };
};

/** The password step of staff sign-in: the principal it signs in, or null for any refusal. */
const authenticateStaff = async (email: string, password: string) => {
  const result = await signInWithPassword({ kind: "staff", email, password, ip: "203.0.113.9", now: new Date() });
  return result.status === "signed-in" ? result.principal : null;
};

const errorOf = async (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as Error);

describe("staff invitations", () => {
  beforeEach(resetDatabase);

  it("queues the invitation to the invitee, stores only the token's hash, and works exactly once", async () => {
    const { staff: admin } = await createStaffFixture({ name: "Ada Admin" });
    const { staffId } = await inviteStaff({ name: "Sue Support", email: "sue@hostlane.test", roleIds: ["role_support"], actorStaffId: admin.id, origin: "https://billing.example", now: T0 });

    const { mail, token } = await tokenFromMail("sue@hostlane.test");
    expect(mail.text).toContain(`https://billing.example/admin/invitation/${token}`);
    expect(mail.html).toContain(token);
    const invitation = await db.staffInvitation.findFirstOrThrow({ where: { staffId } });
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation.expiresAt.getTime() - T0.getTime()).toBe(INVITATION_TTL_MS);
    expect(await authenticateStaff("sue@hostlane.test", PASSWORD)).toBeNull();

    await acceptInvitation({ token, password: PASSWORD, now: new Date(T0.getTime() + 60_000) });
    expect(await authenticateStaff("sue@hostlane.test", PASSWORD)).toMatchObject({ kind: "staff", staffId });

    const before = await databaseFingerprint();
    const reuse = await errorOf(acceptInvitation({ token, password: "another long password", now: new Date(T0.getTime() + 120_000) }));
    expect(reuse?.message).toMatch(/invalid, already used or expired/);
    expect(await databaseFingerprint()).toEqual(before);
    expect(await authenticateStaff("sue@hostlane.test", PASSWORD)).not.toBeNull();

    const audit = await auditEntriesOf(staffId);
    expect(audit.map((entry) => entry.action)).toEqual(["staff.invited", "staff.invitation-accepted"]);
  });

  it("refuses an expired link and a double submit sets the password once", async () => {
    const { staff: admin } = await createStaffFixture();
    await inviteStaff({ name: "Late Larry", email: "larry@hostlane.test", roleIds: ["role_billing"], actorStaffId: admin.id, origin: "http://x", now: T0 });
    const { token } = await tokenFromMail("larry@hostlane.test");
    const expired = await errorOf(acceptInvitation({ token, password: PASSWORD, now: new Date(T0.getTime() + INVITATION_TTL_MS) }));
    expect(expired?.message).toMatch(/expired/);
    expect((await db.staff.findUniqueOrThrow({ where: { email: "larry@hostlane.test" } })).passwordHash).toBeNull();

    await inviteStaff({ name: "Twice Tina", email: "tina@hostlane.test", roleIds: ["role_billing"], actorStaffId: admin.id, origin: "http://x", now: T0 });
    const { token: tinaToken } = await tokenFromMail("tina@hostlane.test");
    const results = await Promise.allSettled([
      acceptInvitation({ token: tinaToken, password: "first password 123", now: T0 }),
      acceptInvitation({ token: tinaToken, password: "second password 456", now: T0 }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("through the router: bad input and a taken e-mail change nothing; a short password is refused", async () => {
    const { staff: admin, principal } = await createStaffFixture();
    const caller = callerFor(principal);
    const before = await databaseFingerprint();
    const taken = await errorOf(caller.staff.invite({ name: "Dup", email: admin.email, roleIds: ["role_support"] }));
    expect((taken as TRPCError).code).toBe("CONFLICT");
    const unknownRole = await errorOf(caller.staff.invite({ name: "X", email: "x@hostlane.test", roleIds: ["no-such-role"] }));
    expect((unknownRole as TRPCError).code).toBe("BAD_REQUEST");
    expect(await databaseFingerprint()).toEqual(before);

    await caller.staff.invite({ name: "Pat", email: "pat@hostlane.test", roleIds: ["role_support"] });
    const { token } = await tokenFromMail("pat@hostlane.test");
    const short = await errorOf(callerFor(null).staff.acceptInvitation({ token, password: "short" }));
    expect((short as TRPCError).code).toBe("BAD_REQUEST");
    // The one password rule (server/auth/password-policy.ts) holds here too: a common password is refused.
    const common = await errorOf(callerFor(null).staff.acceptInvitation({ token, password: "password123" }));
    expect(common?.message).toMatch(/too common/);
  });
});

describe("deactivation, sign out everywhere and the last Administrator", () => {
  beforeEach(resetDatabase);

  it("deactivation takes effect at the very next permission check, and blocks sign-in", async () => {
    const { principal: admin } = await createStaffFixture({ name: "Ada Admin" });
    const { staff: support, principal: supportPrincipal } = await createStaffFixture({ name: "Sue", roleIds: ["role_support"] });
    // Both fixtures' password is "not-used-in-tests": it signs in before deactivation.
    expect(await authenticateStaff(support.email, "not-used-in-tests")).not.toBeNull();
    expect(await hasPermission(supportPrincipal, "clients.read")).toBe(true);
    await expect(callerFor(supportPrincipal).admin.listClients({})).resolves.toBeDefined();

    await callerFor(admin).staff.setActive({ staffId: support.id, isActive: false });
    expect(await hasPermission(supportPrincipal, "clients.read")).toBe(false);
    await expect(callerFor(supportPrincipal).admin.listClients({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await authenticateStaff(support.email, "not-used-in-tests")).toBeNull();
    const row = await db.staff.findUniqueOrThrow({ where: { id: support.id } });
    expect(row).toMatchObject({ isActive: false, sessionVersion: 1 });
    expect((await auditEntriesOf(support.id)).find((entry) => entry.action === "staff.deactivated")).toMatchObject({ before: { isActive: true }, after: { isActive: false } });
  });

  it("sign out everywhere raises the session version and is audited", async () => {
    const { principal: admin } = await createStaffFixture();
    const { staff } = await createStaffFixture({ name: "Bob", roleIds: ["role_billing"] });
    await callerFor(admin).staff.signOutEverywhere({ staffId: staff.id });
    await callerFor(admin).staff.signOutEverywhere({ staffId: staff.id });
    expect((await db.staff.findUniqueOrThrow({ where: { id: staff.id } })).sessionVersion).toBe(2);
    expect((await auditEntriesOf(staff.id)).filter((entry) => entry.action === "staff.signed-out-everywhere")).toMatchObject([
      { before: { sessionVersion: 0 }, after: { sessionVersion: 1 } },
      { before: { sessionVersion: 1 }, after: { sessionVersion: 2 } },
    ]);
  });

  it("the last active Administrator cannot be demoted or deactivated; nothing changes", async () => {
    const { staff: admin, principal } = await createStaffFixture({ name: "Only Admin" });
    const caller = callerFor(principal);
    const before = await databaseFingerprint();
    await expect(caller.staff.setRoles({ staffId: admin.id, roleIds: ["role_support"] })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/no active Administrator/) });
    await expect(caller.staff.setActive({ staffId: admin.id, isActive: false })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await databaseFingerprint()).toEqual(before);

    // A deactivated Administrator does not count: the active one is still the last.
    const { staff: other } = await createStaffFixture({ name: "Other Admin" });
    await caller.staff.setActive({ staffId: other.id, isActive: false });
    await expect(caller.staff.setActive({ staffId: admin.id, isActive: false })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("two concurrent demotions of the last two Administrators: exactly one succeeds", async () => {
    const { staff: first, principal } = await createStaffFixture({ name: "Admin One" });
    const { staff: second } = await createStaffFixture({ name: "Admin Two" });
    const caller = callerFor(principal);
    const results = await Promise.allSettled([
      caller.staff.setRoles({ staffId: first.id, roleIds: ["role_support"] }),
      caller.staff.setRoles({ staffId: second.id, roleIds: ["role_support"] }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.staff.count({ where: { isActive: true, roles: { some: { id: ADMINISTRATOR_ROLE_ID } } } })).toBe(1);
  });
});

describe("roles", () => {
  beforeEach(resetDatabase);

  it("creates, edits and deletes a custom role; its permissions apply at once", async () => {
    const { principal: admin } = await createStaffFixture();
    const caller = callerFor(admin);
    const { id } = await caller.staff.createRole({ name: "Accountant", description: "Reads billing", permissions: ["billing.read", "billing.read"] });
    expect(await caller.staff.role({ roleId: id })).toMatchObject({ name: "Accountant", isBuiltIn: false, permissions: ["billing.read"] });
    await expect(caller.staff.createRole({ name: "Accountant", description: "", permissions: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.staff.createRole({ name: "Bad", description: "", permissions: ["billing.steal"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const { staff, principal } = await createStaffFixture({ name: "Acc", roleIds: [id] });
    expect(await hasPermission(principal, "billing.write")).toBe(false);
    await caller.staff.updateRole({ roleId: id, name: "Accountant", description: "Billing", permissions: ["billing.read", "billing.write"] });
    expect(await hasPermission(principal, "billing.write")).toBe(true);

    await expect(caller.staff.deleteRole({ roleId: id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/still assigned/) });
    await caller.staff.setRoles({ staffId: staff.id, roleIds: ["role_read_only"] });
    await caller.staff.deleteRole({ roleId: id });
    expect(await db.role.findUnique({ where: { id } })).toBeNull();
    const audit = await auditEntriesOf(id);
    expect(audit.map((entry) => entry.action)).toEqual(["role.created", "role.updated", "role.deleted"]);
    expect(audit[1]).toMatchObject({ before: { permissions: ["billing.read"] }, after: { permissions: ["billing.read", "billing.write"] } });
  });

  it("built-in roles cannot be edited or deleted; Administrator holds every permission", async () => {
    const { principal } = await createStaffFixture();
    const caller = callerFor(principal);
    await expect(caller.staff.updateRole({ roleId: ADMINISTRATOR_ROLE_ID, name: "Boss", description: "", permissions: [] })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(caller.staff.deleteRole({ roleId: "role_support" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const roles = await caller.staff.roles();
    expect(roles.map((role) => role.name)).toEqual(expect.arrayContaining(["Administrator", "Billing", "Support", "Provisioning", "Read-only", "Automation"]));
    expect(roles.find((role) => role.id === ADMINISTRATOR_ROLE_ID)?.permissions.length).toBeGreaterThanOrEqual(23);
  });
});
