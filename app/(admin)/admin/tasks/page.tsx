import type { Metadata } from "next";
import { TextLink } from "@/components/admin/text-link";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format-date";
import { requireStaff } from "@/server/auth";
import { listDepartments, listTasks } from "@/server/tasks/task-queries";
import { ZListTasksInput } from "@/server/tasks/tasks.schemas";

export const metadata: Metadata = { title: "Tasks" };

const STATUS_OPTIONS = [
  { value: "open", label: "Open" },
  { value: "closed", label: "Closed" },
  { value: "all", label: "All" },
];

const TasksPage = async ({ searchParams }: { searchParams: Promise<{ status?: string; department?: string }> }) => {
  await requireStaff("tasks.read");
  const query = await searchParams;
  const parsed = ZListTasksInput.safeParse({ status: query.status, departmentId: query.department || undefined });
  const filter = parsed.success ? parsed.data : { status: "open" as const };
  const [tasks, departments] = await Promise.all([listTasks(filter), listDepartments()]);

  return (
    <>
      <PageHeader title="Tasks" description="Work for staff: manual setup of packages and operations that need a person." />
      {/* A plain GET form: works without JavaScript and keeps the filter in the address for sharing. */}
      <form aria-label="Filter tasks" className="mb-4 flex flex-wrap items-end gap-3">
        <SelectField id="task-status" label="Status" name="status" defaultValue={filter.status} options={STATUS_OPTIONS} className="w-40" />
        <SelectField
          id="task-department"
          label="Department"
          name="department"
          defaultValue={filter.departmentId ?? ""}
          options={[{ value: "", label: "All departments" }, ...departments.map((department) => ({ value: department.id, label: department.name }))]}
          className="w-56"
        />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {tasks.length === 0 ? (
        <EmptyState title={filter.status === "open" ? "No open tasks." : "No tasks match this filter."}>
          Tasks appear here when a package needs manual setup.
        </EmptyState>
      ) : (
        <DataTable
          caption="Tasks"
          rows={tasks}
          rowKey={(task) => task.id}
          columns={[
            {
              header: "Task",
              cell: (task) => <TextLink href={`/admin/tasks/${task.id}`}>{task.title}</TextLink>,
              className: "min-w-56 px-4 py-2.5 text-slate-800",
            },
            { header: "Department", cell: (task) => task.departmentName },
            { header: "Package", cell: (task) => (task.serviceId ? <TextLink href={`/admin/packages/${task.serviceId}`}>#{task.serviceNumber}</TextLink> : "—") },
            { header: "Assigned To", cell: (task) => task.assigneeName ?? "—" },
            { header: "Created", cell: (task) => formatDate(task.createdAt) },
            { header: "Status", cell: (task) => <StatusBadge status={task.status} /> },
          ]}
        />
      )}
    </>
  );
};

export default TasksPage;
