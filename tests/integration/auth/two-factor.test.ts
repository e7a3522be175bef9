import { generate } from "otplib";
import { beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword, signInWithSecondFactor } from "@/server/auth/authenticate";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { callerAt, createContactFixture, createStaffLogin, PASSWORD, rejectionOf } from "./auth-fixtures";

const STEP_MS = 30_000;
const codeAt = (secret: string, epochMs: number) => generate({ secret, epoch: Math.floor(epochMs / 1000) });

beforeEach(resetDatabase);

const enrol = async () => {
  const staff = await createStaffLogin();
  const caller = callerAt(staff.principal);
  const { secret, qrDataUrl } = await caller.security.startTwoFactor();
  expect(qrDataUrl.startsWith("data:image/png;base64,")).toBe(true);
  const stored = await db.twoFactorCredential.findFirstOrThrow();
  expect(stored.secretEncrypted).not.toContain(secret);
  expect(stored.secretEncrypted).toMatch(/^v1:test:/);
  // Confirm with the previous step's code, so the current step is still free for the sign-in below.
  const { recoveryCodes } = await caller.security.confirmTwoFactor({ code: await codeAt(secret, Date.now() - STEP_MS) });
  return { ...staff, caller, secret, recoveryCodes };
};

const passwordStep = async (email: string) => {
  const result = await signInWithPassword({ kind: "staff", email, password: PASSWORD, ip: "198.51.100.2", now: new Date() });
  if (result.status !== "two-factor") throw new Error(`expected the code step, got ${result.status}`);
  return result.challenge;
};
const codeStep = (challenge: string, code: string) => signInWithSecondFactor({ challenge, code, ip: "198.51.100.2", now: new Date() });

describe("two-factor authentication", { timeout: 60_000 }, () => {
  it("enrols with a confirming code, then asks for the code after the password and refuses its replay", async () => {
    const { email, secret, recoveryCodes } = await enrol();
    expect(recoveryCodes).toHaveLength(10);
    expect(await db.recoveryCode.count()).toBe(10);
    expect(JSON.stringify(await db.recoveryCode.findMany())).not.toContain(recoveryCodes[0]);
    expect(await db.auditLog.count({ where: { action: "two-factor.enabled" } })).toBe(1);

    const challenge = await passwordStep(email);
    const code = await codeAt(secret, Date.now());
    expect((await codeStep(challenge, "000000")).status).toBe("invalid-code");
    expect((await codeStep(challenge, code)).status).toBe("signed-in");
    expect((await codeStep(await passwordStep(email), code)).status).toBe("invalid-code");
  });

  it("refuses a wrong confirming code and keeps two-factor off", async () => {
    const staff = await createStaffLogin();
    const caller = callerAt(staff.principal);
    await caller.security.startTwoFactor();
    const error = await rejectionOf(caller.security.confirmTwoFactor({ code: "123456" }));
    expect(error.message).toBe("That code is not correct.");
    expect((await db.twoFactorCredential.findFirstOrThrow()).enabledAt).toBeNull();
    expect((await signInWithPassword({ kind: "staff", email: staff.email, password: PASSWORD, ip: "x", now: new Date() })).status).toBe("signed-in");
  });

  it("accepts each recovery code once, in any case and without the dash", async () => {
    const { email, recoveryCodes } = await enrol();
    const [first] = recoveryCodes;
    expect((await codeStep(await passwordStep(email), first!.replace("-", "").toUpperCase())).status).toBe("signed-in");
    expect((await codeStep(await passwordStep(email), first!)).status).toBe("invalid-code");
    expect(await db.auditLog.count({ where: { action: "staff.recovery-code-used" } })).toBe(1);
  });

  it("refuses a forged or stale challenge: it is not a session", async () => {
    const { email, secret, staff } = await enrol();
    const challenge = await passwordStep(email);
    const [payload, signature] = challenge.split(".");
    const forged = `${Buffer.from(Buffer.from(payload!, "base64url").toString().replace(staff.id, "someone-else")).toString("base64url")}.${signature}`;
    expect((await codeStep(forged, await codeAt(secret, Date.now()))).status).toBe("challenge-expired");
    await db.staff.update({ where: { id: staff.id }, data: { sessionVersion: { increment: 1 } } });
    expect((await codeStep(challenge, await codeAt(secret, Date.now()))).status).toBe("challenge-expired");
  });

  it("disables only with a valid code", async () => {
    const { caller, secret, email } = await enrol();
    expect((await rejectionOf(caller.security.disableTwoFactor({ code: "111111" }))).message).toBe("That code is not correct.");
    await caller.security.disableTwoFactor({ code: await codeAt(secret, Date.now()) });
    expect(await db.twoFactorCredential.count()).toBe(0);
    expect(await db.recoveryCode.count()).toBe(0);
    expect((await signInWithPassword({ kind: "staff", email, password: PASSWORD, ip: "x", now: new Date() })).status).toBe("signed-in");
  });

  it("locks turning it off after five wrong codes, like the sign-in's code step; the right code waits too", async () => {
    const { caller, secret } = await enrol();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await rejectionOf(caller.security.disableTwoFactor({ code: "111111" }))).message).toBe("That code is not correct.");
    }
    expect((await rejectionOf(caller.security.disableTwoFactor({ code: "111111" }))).message).toBe("Too many attempts. Try again in 1 minute.");
    const locked = await rejectionOf(caller.security.disableTwoFactor({ code: await codeAt(secret, Date.now()) }));
    expect(locked.message).toMatch(/^Too many attempts\. Try again in /);
    expect(await db.twoFactorCredential.count({ where: { enabledAt: { not: null } } })).toBe(1);
  });

  it("works for client contacts too", async () => {
    const { principal, email } = await createContactFixture();
    const caller = callerAt(principal);
    const { secret } = await caller.security.startTwoFactor();
    await caller.security.confirmTwoFactor({ code: await codeAt(secret, Date.now() - STEP_MS) });
    expect((await signInWithPassword({ kind: "client", email, password: PASSWORD, ip: "x", now: new Date() })).status).toBe("two-factor");
  });
});

describe("staff two-factor requirement", { timeout: 60_000 }, () => {
  it("requires it by default for staff who can manage staff or settings, until they enrol; the setting can turn it off", async () => {
    const { mustEnrolTwoFactor, staffTwoFactorSetting } = await import("@/server/auth/two-factor/staff-two-factor-policy");
    const { writeSetting } = await import("@/server/settings/setting");
    const { principal, secret } = await (async () => {
      const staff = await createStaffLogin();
      expect(await mustEnrolTwoFactor(staff.principal)).toBe(true);
      const { secret } = await callerAt(staff.principal).security.startTwoFactor();
      return { principal: staff.principal, secret };
    })();
    await callerAt(principal).security.confirmTwoFactor({ code: await codeAt(secret, Date.now() - STEP_MS) });
    expect(await mustEnrolTwoFactor(principal)).toBe(false);
    const other = await createStaffLogin();
    await writeSetting(staffTwoFactorSetting, "off");
    expect(await mustEnrolTwoFactor(other.principal)).toBe(false);
  });
});

describe("the staff two-factor setting (Admin → Settings)", { timeout: 60_000 }, () => {
  it("is changed by settings.manage only, audited, and applies to the next check", async () => {
    const { mustEnrolTwoFactor } = await import("@/server/auth/two-factor/staff-two-factor-policy");
    const { createStaffFixture } = await import("@/tests/factories/billing-fixtures");
    const { auditEntriesOf } = await import("@/tests/support/audit-entries");
    const { snapshotDatabase } = await import("@/tests/support/db-snapshot");
    const { principal: admin } = await createStaffFixture({ name: "Ada Admin" });
    const { principal: support } = await createStaffFixture({ name: "Sue Support", roleIds: ["role_support"] });
    expect(await mustEnrolTwoFactor(support)).toBe(false);

    const before = await snapshotDatabase();
    expect((await rejectionOf(callerAt(support).staff.updateTwoFactorPolicy({ policy: "off" }))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(callerAt(admin).staff.updateTwoFactorPolicy({ policy: "everyone" as "all" }))).code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase()).toEqual(before);

    await expect(callerAt(admin).staff.updateTwoFactorPolicy({ policy: "all" })).resolves.toEqual({ policy: "all", previous: "privileged" });
    expect(await mustEnrolTwoFactor(support)).toBe(true);
    const [entry] = await auditEntriesOf("security.staff-two-factor");
    expect(entry).toMatchObject({ action: "settings.staff-two-factor-changed", before: { policy: "privileged" }, after: { policy: "all" }, actorId: admin.staffId });
  });
});
