import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { openTask } from "@/server/tasks/open-task";
import { setupTaskPurpose } from "@/server/tasks/task-purposes";
import { createIssuedInvoiceFixture, createStaffFixture, ensureDepartmentsFixture } from "@/tests/factories/billing-fixtures";
import { resetDatabase } from "@/tests/db";
import { callerFor } from "@/tests/support/trpc";

const setupTask = async () => {
  const { services } = await createIssuedInvoiceFixture();
  const { provisioning } = await ensureDepartmentsFixture();
  const service = services[0]!;
  const task = await openTask({ purpose: setupTaskPurpose(service.id), departmentId: provisioning.id, serviceId: service.id, title: "Set up Starter for Acme Web Ltd" });
  return { task, service, provisioning };
};

const DETAILS = { username: "acme", server: "web01.hostlane.test", notes: "Plesk service plan StarterPack" };

describe("tasks", () => {
  beforeEach(resetDatabase);

  it("opens one task per purpose, however often it is asked", async () => {
    const { task, service, provisioning } = await setupTask();
    const again = await openTask({ purpose: setupTaskPurpose(service.id), departmentId: provisioning.id, serviceId: service.id, title: "Set up Starter again" });
    expect(again.id).toBe(task.id);
    expect(await db.task.count()).toBe(1);
  });

  it("lists open tasks by department and moves a task through assign and close", async () => {
    const { task, provisioning } = await setupTask();
    const { principal, staff } = await createStaffFixture({ name: "Grace Hopper" });
    const { billing } = await ensureDepartmentsFixture();
    const caller = callerFor(principal);

    expect(await caller.tasks.list({ status: "open", departmentId: provisioning.id })).toMatchObject([
      { id: task.id, status: "OPEN", departmentName: "Provisioning", assigneeName: null },
    ]);
    expect(await caller.tasks.list({ status: "open", departmentId: billing.id })).toEqual([]);

    expect(await caller.tasks.assignToMe({ taskId: task.id })).toEqual({ taskId: task.id, status: "IN_PROGRESS" });
    expect(await caller.tasks.get({ taskId: task.id })).toMatchObject({ status: "IN_PROGRESS", assignee: { id: staff.id, name: "Grace Hopper" }, isSetupTask: true });

    await caller.tasks.close({ taskId: task.id, username: " acme ", server: "web01.hostlane.test", notes: "" });
    const closed = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(closed).toMatchObject({ status: "CLOSED", closedById: staff.id, result: { username: "acme", server: "web01.hostlane.test", notes: "" } });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(await caller.tasks.list({ status: "open" })).toEqual([]);
    expect(await caller.tasks.list({ status: "closed" })).toMatchObject([{ id: task.id }]);
    expect(await db.auditLog.findMany({ where: { entityType: "Task" } })).toMatchObject([{ action: "task.closed", staffId: staff.id }]);
    expect(await db.inngestEvent.findMany({ where: { name: "tasks/task.closed" } })).toMatchObject([
      { externalId: `task-closed-${task.id}`, data: { taskId: task.id } },
    ]);
  });

  it("requires the user name and server to close a setup task", async () => {
    const { task } = await setupTask();
    const { principal } = await createStaffFixture();
    await expect(callerFor(principal).tasks.close({ taskId: task.id, username: "", server: " ", notes: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        code: "INVALID_INPUT",
        details: { fieldErrors: { username: ["Enter the user name of the new account."], server: ["Enter the server the package was set up on."] } },
      },
    });
    await expect(
      callerFor(principal).tasks.close({ taskId: task.id, username: "two words", server: "web01", notes: "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "OPEN", result: null });
    expect(await db.inngestEvent.count()).toBe(0);
  });

  it("refuses to close or assign a closed task", async () => {
    const { task } = await setupTask();
    const { principal } = await createStaffFixture();
    const caller = callerFor(principal);
    await caller.tasks.close({ taskId: task.id, ...DETAILS });
    await expect(caller.tasks.close({ taskId: task.id, ...DETAILS })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "This task is already closed." });
    await expect(caller.tasks.assignToMe({ taskId: task.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This task is already closed and cannot be assigned.",
    });
    await expect(caller.tasks.assignToMe({ taskId: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers FORBIDDEN to a client principal", async () => {
    const { task } = await setupTask();
    const { clientPrincipal } = await createIssuedInvoiceFixture();
    await expect(callerFor(clientPrincipal).tasks.close({ taskId: task.id, ...DETAILS })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(clientPrincipal).tasks.list({ status: "open" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "OPEN" });
  });
});
