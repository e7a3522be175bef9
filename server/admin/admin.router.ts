import "server-only";
import { TRPCError } from "@trpc/server";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { getAdminClient, listAdminClients } from "./admin-client-queries";
import { getAdminDashboard } from "./admin-dashboard-queries";
import { listAdminOrders } from "./admin-order-queries";
import { listAdminProductGroups } from "./admin-product-queries";
import { getAdminService, listAdminServices } from "./admin-service-queries";
import { ZClientIdInput, ZListAdminClientsInput, ZServiceIdInput } from "./admin.schemas";

const orNotFound = <T>(value: T | null, message: string): T => {
  if (value === null) throw new TRPCError({ code: "NOT_FOUND", message });
  return value;
};

/** Read models of the admin area (dashboard, clients, orders, packages, products; the mail outbox is in server/mail). */
export const adminRouter = createTRPCRouter({
  dashboard: staffProcedure("dashboard.read").query(() => getAdminDashboard()),
  listClients: staffProcedure("clients.read").input(ZListAdminClientsInput).query(({ input }) => listAdminClients(input)),
  getClient: staffProcedure("clients.read").input(ZClientIdInput).query(async ({ input }) => orNotFound(await getAdminClient(input), "This client does not exist.")),
  listOrders: staffProcedure("orders.read").query(() => listAdminOrders()),
  listPackages: staffProcedure("packages.read").query(() => listAdminServices()),
  getPackage: staffProcedure("packages.read").input(ZServiceIdInput).query(async ({ input }) => orNotFound(await getAdminService(input), "This package does not exist.")),
  listProducts: staffProcedure("catalog.read").query(() => listAdminProductGroups()),
});
