import { beforeEach, describe, expect, it } from "vitest";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";

beforeEach(resetDatabase);

const APPEND_ONLY = /AuditLog is append-only/;

const writeOne = async () => {
  const { staff } = await createStaffFixture({ name: "Ada Admin" });
  await writeAuditEntry({
    actor: { kind: "staff", staffId: staff.id },
    action: "settings.changed",
    entity: { type: "Setting", id: "example" },
    before: { value: 1 },
    after: { value: 2, at: new Date("2026-03-01T10:00:00Z") },
    request: { ip: "203.0.113.7", userAgent: "Vitest" },
  });
  return { staff, entry: await db.auditLog.findFirstOrThrow() };
};

describe("the audit log", () => {
  it("stores the actor as they were, the changed fields and where the request came from", async () => {
    const { staff, entry } = await writeOne();
    expect(entry).toMatchObject({
      actorKind: "STAFF", actorId: staff.id, staffId: staff.id, actorLabel: `Ada Admin <${staff.email}>`,
      action: "settings.changed", entityType: "Setting", entityId: "example",
      before: { value: 1 }, after: { value: 2, at: "2026-03-01T10:00:00.000Z" }, details: null,
      ip: "203.0.113.7", userAgent: "Vitest",
    });
  });

  it("writes system entries without a request and without a staff relation", async () => {
    await writeAuditEntry({ actor: { kind: "system", name: "reconcile-provisioning" }, action: "invoice.paid-event-resent", entity: { type: "Invoice", id: "i1" } });
    expect(await db.auditLog.findFirstOrThrow()).toMatchObject({ actorKind: "SYSTEM", actorId: "reconcile-provisioning", actorLabel: "reconcile-provisioning", staffId: null, ip: null });
  });

  it("refuses UPDATE and DELETE through Prisma and raw SQL; the row stays as written", async () => {
    const { entry } = await writeOne();
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "rewritten" } })).rejects.toThrow(APPEND_ONLY);
    await expect(db.auditLog.updateMany({ data: { after: { value: 3 } } })).rejects.toThrow(APPEND_ONLY);
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(APPEND_ONLY);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(APPEND_ONLY);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLog" SET "actorLabel" = 'someone else'`)).rejects.toThrow(APPEND_ONLY);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE id = $1`, entry.id)).rejects.toThrow(APPEND_ONLY);
    expect(await db.auditLog.findMany()).toEqual([entry]);
  });

  it("keeps the staff member it names: a staff row with history cannot be deleted", async () => {
    const { staff } = await writeOne();
    await expect(db.staff.delete({ where: { id: staff.id } })).rejects.toThrow();
    expect(await db.auditLog.count()).toBe(1);
  });
});
