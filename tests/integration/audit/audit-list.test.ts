import { beforeEach, describe, expect, it } from "vitest";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { resetDatabase } from "@/tests/db";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { callerFor } from "@/tests/support/trpc";

beforeEach(resetDatabase);

/** Seven entries, one a day from March 1, by two staff members on two invoices and one setting. */
const seedEntries = async () => {
  const ada = await createStaffFixture({ name: "Ada Admin" });
  const bo = await createStaffFixture({ name: "Bo Billing" });
  const plan = [
    [ada, "invoice.payment-recorded", "Invoice", "inv-1"],
    [bo, "invoice.payment-recorded", "Invoice", "inv-2"],
    [ada, "invoice.paid-event-resent", "Invoice", "inv-1"],
    [bo, "settings.run-retention-changed", "Setting", "workflows.runRetentionDays"],
    [ada, "task.closed", "Task", "task-1"],
    [bo, "invoice.payment-recorded", "Invoice", "inv-1"],
    [ada, "invoice.payment-recorded", "Invoice", "inv-2"],
  ] as const;
  for (const [index, [staff, action, type, id]] of plan.entries()) {
    await writeAuditEntry({
      actor: { kind: "staff", staffId: staff.staff.id }, action, entity: { type, id },
      before: { step: index }, after: { step: index + 1 }, at: new Date(Date.UTC(2026, 2, 1 + index, 12)),
    });
  }
  return { ada, bo };
};

describe("audit.list", () => {
  it("filters by actor, entity, action prefix and date range, newest first", async () => {
    const { ada, bo } = await seedEntries();
    const caller = callerFor(ada.principal);
    const ids = async (input: Parameters<typeof caller.audit.list>[0]) => (await caller.audit.list(input)).entries.map((entry) => `${entry.entityId}@${entry.createdAt.getUTCDate()}`);

    expect(await ids({ entityType: "Invoice", entityId: "inv-1" })).toEqual(["inv-1@6", "inv-1@3", "inv-1@1"]);
    expect(await ids({ actor: "bo billing" })).toEqual(["inv-1@6", "workflows.runRetentionDays@4", "inv-2@2"]);
    expect(await ids({ actor: bo.staff.id, action: "invoice." })).toEqual(["inv-1@6", "inv-2@2"]);
    expect(await ids({ from: "2026-03-03", to: "2026-03-05" })).toEqual(["task-1@5", "workflows.runRetentionDays@4", "inv-1@3"]);
    const [entry] = (await caller.audit.list({ entityType: "Task" })).entries;
    expect(entry).toMatchObject({ actorKind: "STAFF", actorLabel: `Ada Admin <${ada.staff.email}>`, before: { step: 4 }, after: { step: 5 } });
  });

  it("pages by keyset without gaps or repeats", async () => {
    const { ada } = await seedEntries();
    const caller = callerFor(ada.principal);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.audit.list({ limit: 3, cursor });
      seen.push(...page.entries.map((entry) => entry.createdAt.getUTCDate()));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it("refuses clients, signed-out callers and malformed filters", async () => {
    await expect(callerFor(null).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor({ kind: "client", clientId: "c1", contactId: "k1", name: "Cy" }).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { principal } = await createStaffFixture();
    await expect(callerFor(principal).audit.list({ from: "yesterday" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(principal).audit.list({ entityId: "a\u0000b" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
