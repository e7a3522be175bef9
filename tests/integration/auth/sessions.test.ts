import { beforeEach, describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/config";
import { signInWithPassword } from "@/server/auth/authenticate";
import { isSessionCurrent } from "@/server/auth/session-state";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { callerAt, createContactFixture, createStaffLogin, PASSWORD, rejectionOf } from "./auth-fixtures";

const now = new Date();
const signIn = (kind: "client" | "staff", email: string, password = PASSWORD) => signInWithPassword({ kind, email, password, ip: "198.51.100.1", now });

// The JWT callback as next-auth runs it on every request of an existing session.
const jwtOf = async (sessionVersion: number, principal: unknown) =>
  (authOptions.callbacks!.jwt as (args: object) => Promise<Record<string, unknown>>)({ token: { sub: "x", principal, sessionVersion } });

beforeEach(resetDatabase);

describe("sessions checked against the database", { timeout: 60_000 }, () => {
  it("refuses Fraud and Closed clients at sign-in, with the same message for both, only after the right password", async () => {
    const fraud = await createContactFixture({ status: "FRAUD" });
    const closed = await createContactFixture({ status: "CLOSED" });
    expect(await signIn("client", fraud.email)).toEqual({ status: "unavailable" });
    expect(await signIn("client", closed.email)).toEqual({ status: "unavailable" });
    expect(await signIn("client", fraud.email, "wrong-password-here")).toEqual({ status: "invalid" });
  });

  it("ends an existing session on its next request when the client is marked Fraud", async () => {
    const { email, client, principal } = await createContactFixture();
    const result = await signIn("client", email);
    expect(result.status).toBe("signed-in");
    expect((await jwtOf(0, principal)).principal).toEqual(principal);
    await db.client.update({ where: { id: client.id }, data: { status: "FRAUD" } });
    expect((await jwtOf(0, principal)).principal).toBeUndefined();
    expect(await isSessionCurrent(principal, 0)).toBe(false);
  });

  it("sign out everywhere ends every session of the account, staff and client alike", async () => {
    const staff = await createStaffLogin();
    expect(await isSessionCurrent(staff.principal, 0)).toBe(true);
    await callerAt(staff.principal).security.signOutEverywhere();
    expect(await isSessionCurrent(staff.principal, 0)).toBe(false);
    expect(await isSessionCurrent(staff.principal, 1)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "staff.signed-out-everywhere" } });
    expect(audit.entityId).toBe(staff.staff.id);
  });

  it("a password change ends the other sessions and refuses a wrong current password, changing nothing", async () => {
    const { contact, principal } = await createContactFixture();
    const caller = callerAt(principal);
    const wrong = await rejectionOf(caller.security.changePassword({ currentPassword: "not-my-password", password: "new-lantern-harbour", confirmPassword: "new-lantern-harbour" }));
    expect(wrong.message).toBe("Your current password is not correct.");
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).sessionVersion).toBe(0);
    await caller.security.changePassword({ currentPassword: PASSWORD, password: "new-lantern-harbour", confirmPassword: "new-lantern-harbour" });
    expect(await isSessionCurrent(principal, 0)).toBe(false);
    expect((await signIn("client", contact.email, "new-lantern-harbour")).status).toBe("signed-in");
  });

  it("counts wrong current passwords towards the account's sign-in lockout; the right one waits too", async () => {
    const { contact, principal, email } = await createContactFixture();
    const caller = callerAt(principal);
    const change = (currentPassword: string) => caller.security.changePassword({ currentPassword, password: "new-lantern-harbour", confirmPassword: "new-lantern-harbour" });
    for (let attempt = 1; attempt <= 4; attempt += 1) expect((await rejectionOf(change("not-my-password"))).message).toBe("Your current password is not correct.");
    expect((await rejectionOf(change("not-my-password"))).message).toBe("Too many attempts. Try again in 1 minute.");
    expect((await rejectionOf(change(PASSWORD))).message).toMatch(/^Too many attempts\. Try again in /);
    await expect(signIn("client", email)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).sessionVersion).toBe(0);
  });

  it("refuses short and common new passwords wherever one is set", async () => {
    const { principal } = await createContactFixture();
    const short = await rejectionOf(callerAt(principal).security.changePassword({ currentPassword: PASSWORD, password: "short", confirmPassword: "short" }));
    expect(short.code).toBe("BAD_REQUEST");
    const common = await rejectionOf(callerAt(null).security.resetPassword({ token: "x", password: "1234567890", confirmPassword: "1234567890" }));
    expect(JSON.stringify(common)).toMatch(/too common/);
  });

  it("rehashes a password stored with older parameters on a successful sign-in", async () => {
    const { email, contact } = await createContactFixture();
    const { scryptSync, randomBytes } = await import("node:crypto");
    const salt = randomBytes(16);
    const old = ["scrypt", 2 ** 14, 8, 1, salt.toString("base64"), scryptSync(PASSWORD, salt, 32, { N: 2 ** 14, r: 8, p: 1 }).toString("base64")].join("$");
    await db.contact.update({ where: { id: contact.id }, data: { passwordHash: old } });
    expect((await signIn("client", email)).status).toBe("signed-in");
    const stored = (await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).passwordHash!;
    expect(stored.startsWith("scrypt$131072$8$1$")).toBe(true);
  });
});
