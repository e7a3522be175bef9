import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { db } from "@/server/db";
import { BUILT_IN_ROLES } from "@/server/staff/built-in-roles";
import { hashToken } from "@/server/staff/one-time-token";
import { resetDatabase } from "../../db";
import { auditEntriesOf } from "../../support/audit-entries";
import { createStaffFixture } from "../../factories/billing-fixtures";
import { callerFor } from "../../support/trpc";

const T0 = new Date("2026-06-01T10:00:00Z");
const me = (authorization?: string) =>
  getMe(new Request("http://localhost/api/v1/me", { headers: authorization ? { authorization } : {} }));

describe("API keys over /api/v1", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it("creates a key shown once, authenticates it with its role's permissions, tracks last use, and revokes it", async () => {
    const { principal } = await createStaffFixture();
    const caller = callerFor(principal);
    const created = await caller.apiKeys.create({ name: "Nightly cron", roleId: "role_automation" });
    expect(created.key).toMatch(/^hl_live_[\w-]{40,}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);

    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.keyHash).toBe(hashToken(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect(JSON.stringify(await caller.apiKeys.list())).not.toContain(created.key);
    expect(stored.lastUsedAt).toBeNull();

    const response = await me(`Bearer ${created.key}`);
    expect(response.status).toBe(200);
    const automation = BUILT_IN_ROLES.find((role) => role.name === "Automation")!;
    expect(await response.json()).toEqual({ name: "Nightly cron", role: "Automation", permissions: [...automation.permissions].sort() });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(T0);

    // Throttled: a call 10 s later does not write; one after a minute does.
    vi.setSystemTime(new Date(T0.getTime() + 10_000));
    expect((await me(`Bearer ${created.key}`)).status).toBe(200);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(T0);
    const later = new Date(T0.getTime() + 61_000);
    vi.setSystemTime(later);
    await me(`Bearer ${created.key}`);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(later);

    await caller.apiKeys.revoke({ apiKeyId: created.id });
    const refused = await me(`Bearer ${created.key}`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toContain("application/json");
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    expect((await auditEntriesOf(created.id)).map((entry) => entry.action)).toEqual(["api-key.created", "api-key.revoked"]);
    expect((await auditEntriesOf(created.id))[1]).toMatchObject({ before: { revokedAt: null }, after: { revokedAt: later.toISOString() } });
  });

  it("answers 401 with a JSON error for missing, malformed and unknown keys", async () => {
    for (const header of [undefined, "Basic abc", "Bearer", "Bearer not-a-hostlane-key", `Bearer hl_live_${"x".repeat(43)}`]) {
      const response = await me(header);
      expect([header, response.status]).toEqual([header, 401]);
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    }
  });

  it("a key follows its role: a custom role's change applies to the key at once", async () => {
    const { principal } = await createStaffFixture();
    const caller = callerFor(principal);
    const { id: roleId } = await caller.staff.createRole({ name: "Reporter", description: "", permissions: ["billing.read"] });
    const { key } = await caller.apiKeys.create({ name: "Reports", roleId });
    expect(await (await me(`Bearer ${key}`)).json()).toMatchObject({ role: "Reporter", permissions: ["billing.read"] });
    await caller.staff.updateRole({ roleId, name: "Reporter", description: "", permissions: ["billing.read", "clients.read"] });
    expect(await (await me(`Bearer ${key}`)).json()).toMatchObject({ permissions: ["billing.read", "clients.read"] });
    await expect(caller.staff.deleteRole({ roleId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(caller.apiKeys.create({ name: "Bad", roleId: "no-such-role" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
