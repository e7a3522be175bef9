import "server-only";
import { clientDisplayName } from "@/lib/client-display-name";
import { db, type DbClient } from "@/server/db";
import { isSetupTaskPurpose } from "./task-purposes";
import { ZTaskResult, type TListTasksInput, type TTaskResult } from "./tasks.schemas";

const TASK_LIST_LIMIT = 200;


/** Tasks for the admin list, newest first; "open" means OPEN or IN_PROGRESS. */
export const listTasks = async ({ status, departmentId }: TListTasksInput, client: DbClient = db) => {
  const tasks = await client.task.findMany({
    where: {
      ...(status === "open" ? { status: { in: ["OPEN", "IN_PROGRESS"] } } : status === "closed" ? { status: "CLOSED" } : {}),
      ...(departmentId ? { departmentId } : {}),
    },
    orderBy: { number: "desc" },
    take: TASK_LIST_LIMIT,
    select: {
      id: true, number: true, title: true, status: true, createdAt: true, closedAt: true,
      department: { select: { name: true } },
      assignee: { select: { name: true } },
      service: { select: { id: true, number: true } },
    },
  });
  return tasks.map((task) => ({
    id: task.id, number: task.number, title: task.title, status: task.status, createdAt: task.createdAt, closedAt: task.closedAt,
    departmentName: task.department.name, assigneeName: task.assignee?.name ?? null,
    serviceId: task.service?.id ?? null, serviceNumber: task.service?.number ?? null,
  }));
};

export const listDepartments = (client: DbClient = db) =>
  client.department.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });

/** One task with what staff need to do it: the package, its client and product. */
export const getTask = async ({ taskId }: { taskId: string }, client: DbClient = db) => {
  const task = await client.task.findUnique({
    where: { id: taskId },
    select: {
      id: true, number: true, title: true, description: true, status: true, purpose: true, createdAt: true, closedAt: true, result: true,
      department: { select: { name: true } },
      assignee: { select: { id: true, name: true } },
      closedBy: { select: { name: true } },
      service: {
        select: {
          id: true, number: true, status: true, cycle: true,
          product: { select: { name: true } },
          client: { select: { id: true, number: true, companyName: true, contacts: { where: { isPrimary: true }, select: { firstName: true, lastName: true } } } },
        },
      },
    },
  });
  if (!task) return null;
  const parsedResult = ZTaskResult.safeParse(task.result);
  return {
    id: task.id, number: task.number, title: task.title, description: task.description, status: task.status,
    isSetupTask: isSetupTaskPurpose(task.purpose),
    createdAt: task.createdAt, closedAt: task.closedAt,
    result: parsedResult.success ? parsedResult.data : null,
    departmentName: task.department.name,
    assignee: task.assignee, closedByName: task.closedBy?.name ?? null,
    service: task.service
      ? {
          id: task.service.id, number: task.service.number, status: task.service.status, cycle: task.service.cycle,
          productName: task.service.product.name,
          clientId: task.service.client.id, clientNumber: task.service.client.number, clientName: clientDisplayName(task.service.client),
        }
      : null,
  };
};

/** Whether a task is closed and, if so, what staff entered: what a workflow waiting on the task needs. */
export const getTaskOutcome = async ({ taskId }: { taskId: string }, client: DbClient = db) => {
  const task = await client.task.findUnique({ where: { id: taskId }, select: { status: true, result: true } });
  if (!task) return null;
  const parsed = ZTaskResult.safeParse(task.result);
  const result: TTaskResult | null = parsed.success ? parsed.data : null;
  return { isClosed: task.status === "CLOSED", result };
};
