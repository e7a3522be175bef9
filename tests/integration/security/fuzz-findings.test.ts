import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password";
import { resetDatabase } from "@/tests/db";
import { snapshotDatabase } from "@/tests/support/db-snapshot";
import { callerAt, rejectionOf } from "../auth/auth-fixtures";

// What the fuzz test (fuzz.test.ts) found, each pinned by a small test of its own (its third finding, Change
// password guesses, is pinned in tests/integration/auth/sessions.test.ts).
const COUNTERS_MOVE = { ignore: [/^rate_limit$/] };
const NEW_PASSWORD = "copper-meadow-sailboat";

beforeEach(resetDatabase);

describe("fuzz findings", { timeout: 60_000 }, () => {
  it("refuses a reset request for an address with a NUL byte as bad input, not a 500", async () => {
    const before = await snapshotDatabase(COUNTERS_MOVE);
    const error = await rejectionOf(callerAt(null).security.requestPasswordReset({ kind: "client", email: "a\u0000@example.com" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase(COUNTERS_MOVE)).toEqual(before);
  });

  it("refuses made-up reset links without hashing the new password", async () => {
    const started = performance.now();
    await hashPassword(NEW_PASSWORD);
    const oneHash = performance.now() - started;
    const refusedAt = performance.now();
    for (let i = 0; i < 10; i++) {
      const error = await rejectionOf(callerAt(null).security.resetPassword({ token: `made-up-token-${i}`, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
      expect(error.code).toBe("BAD_REQUEST");
    }
    // NOTE: ten hashes take about ten times `oneHash`; ten lookups a small part of one (margin for a loaded machine).
    expect(performance.now() - refusedAt).toBeLessThan(5 * oneHash);
  });
});
