import "server-only";
import { db, type DbClient } from "@/server/db";

export type GetProvisioningPlanOptions = { invoiceId: string };

/**
 * The packages a paid invoice pays for that still need setting up: PENDING ones, and WORK_IN_PROGRESS ones
 * so that a replayed event resumes a setup that was interrupted. Null when the invoice does not exist.
 */
export const getProvisioningPlan = async ({ invoiceId }: GetProvisioningPlanOptions, client: DbClient = db) => {
  const invoice = await client.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      paymentStatus: true,
      lines: {
        where: { service: { status: { in: ["PENDING", "WORK_IN_PROGRESS"] } } },
        orderBy: { position: "asc" },
        select: { serviceId: true },
      },
    },
  });
  if (!invoice) return null;
  const serviceIds = [...new Set(invoice.lines.flatMap(({ serviceId }) => (serviceId ? [serviceId] : [])))];
  return { isPaid: invoice.paymentStatus === "PAID", serviceIds };
};
