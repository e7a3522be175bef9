import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditHistory } from "@/components/admin/audit/audit-history";
import { DetailList } from "@/components/admin/detail-list";
import { TaskActions } from "@/components/admin/task-actions";
import { TextLink } from "@/components/admin/text-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { billingCycleLabel } from "@/lib/billing-cycles";
import { formatDateTime } from "@/lib/format-date-time";
import { requireStaff } from "@/server/auth";
import { getTask } from "@/server/tasks/task-queries";

export const metadata: Metadata = { title: "Task" };

const TaskDetailPage = async ({ params }: { params: Promise<{ taskId: string }> }) => {
  const { staffId } = await requireStaff("tasks.read");
  const { taskId } = await params;
  const task = await getTask({ taskId });
  if (!task) notFound();
  const isClosed = task.status === "CLOSED";

  return (
    <>
      <PageHeader
        title={task.title}
        description={
          <span className="inline-flex items-center gap-2">
            Task #{task.number} · <StatusBadge status={task.status} />
          </span>
        }
      />
      <div className="space-y-6">
        <Card title="Task Details">
          <DetailList
            items={[
              { label: "Department", value: task.departmentName },
              { label: "Assigned To", value: task.assignee?.name ?? "Nobody yet" },
              { label: "Created", value: formatDateTime(task.createdAt) },
              { label: "Closed", value: isClosed ? `${formatDateTime(task.closedAt)} by ${task.closedByName ?? "—"}` : "—" },
              {
                label: "Package",
                value: task.service ? (
                  <TextLink href={`/admin/packages/${task.service.id}`}>
                    {task.service.productName} #{task.service.number} ({billingCycleLabel(task.service.cycle)})
                  </TextLink>
                ) : (
                  "—"
                ),
              },
              {
                label: "Client",
                value: task.service ? <TextLink href={`/admin/clients/${task.service.clientId}`}>{task.service.clientName}</TextLink> : "—",
              },
            ]}
          />
          {task.description && <p className="mt-4 whitespace-pre-wrap text-sm text-slate-700">{task.description}</p>}
        </Card>
        {isClosed && task.result && (
          <Card title="Result">
            <DetailList
              items={[
                { label: "User Name", value: task.result.username || "—" },
                { label: "Server", value: task.result.server || "—" },
                { label: "Notes", value: task.result.notes ? <span className="whitespace-pre-wrap">{task.result.notes}</span> : "—" },
              ]}
            />
          </Card>
        )}
        <Card title={isClosed ? "Task Closed" : "Close Task"}>
          <TaskActions taskId={task.id} isClosed={isClosed} isAssignedToMe={task.assignee?.id === staffId} isSetupTask={task.isSetupTask} />
          {isClosed && <p className="text-sm text-slate-600">This task is closed.</p>}
        </Card>
      </div>
      <div className="mt-6">
        <AuditHistory entityType="Task" entityId={task.id} />
      </div>
    </>
  );
};

export default TaskDetailPage;
