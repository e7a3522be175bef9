import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { ZNewPassword } from "./password-policy";

// NOTE: each hash costs 128 MiB and about a second on a busy CI machine.
describe("password hashing", { timeout: 30_000 }, () => {
  it("verifies the right password, refuses a wrong one, and salts every hash", async () => {
    const first = await hashPassword("correct horse");
    const second = await hashPassword("correct horse");
    expect(first).not.toBe(second);
    expect(first.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse", first)).toBe(true);
    expect(await verifyPassword("correct horsf", first)).toBe(false);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1073741824$8$1$c2FsdA==$aGFzaA==")).toBe(false);
  });

  it("asks for a rehash only when the stored parameters are older than today's", async () => {
    expect(needsRehash(await hashPassword("correct horse"))).toBe(false);
    expect(needsRehash("scrypt$65536$8$1$c2FsdA==$aGFzaA==")).toBe(true);
    expect(needsRehash("md5$abc")).toBe(true);
  });
});

describe("password policy", () => {
  it("refuses short and common passwords, accepts a long uncommon one", () => {
    expect(ZNewPassword.safeParse("short1!").error?.issues[0]?.message).toBe("Use at least 10 characters.");
    expect(ZNewPassword.safeParse("password123").error?.issues[0]?.message).toMatch(/too common/);
    expect(ZNewPassword.safeParse("QWERTYUIOP").error?.issues[0]?.message).toMatch(/too common/);
    expect(ZNewPassword.safeParse("violet-harbour-lantern").success).toBe(true);
  });
});
