import "server-only";
import { adminClientsRouter } from "@/server/clients/admin-clients.router";
import { adminRouter } from "@/server/admin/admin.router";
import { apiKeysRouter } from "@/server/api-keys/api-keys.router";
import { auditRouter } from "@/server/audit/audit.router";
import { securityRouter } from "@/server/auth/security.router";
import { billingAdminRouter } from "@/server/billing/billing-admin.router";
import { brandsRouter } from "@/server/brands/brands.router";
import { tasksRouter } from "@/server/tasks/tasks.router";
import { catalogAdminRouter } from "@/server/catalog/admin/catalog-admin.router";
import { promotionsRouter } from "@/server/promotions/promotions.router";
import { catalogRouter } from "@/server/catalog/catalog.router";
import { clientAreaRouter } from "@/server/clients/client-area.router";
import { mailRouter } from "@/server/mail/mail.router";
import { checkoutRouter } from "@/server/orders/checkout.router";
import { staffRouter } from "@/server/staff/staff.router";
import { systemQueueRouter } from "@/server/system-queue/system-queue.router";
import { taxAdminRouter } from "@/server/tax/admin/tax-admin.router";
import { createCallerFactory, createTRPCRouter } from "./init";

/** Every domain router, mounted once. Add a router here when a domain gains procedures. */
export const appRouter = createTRPCRouter({
  catalog: catalogRouter,
  checkout: checkoutRouter,
  clientArea: clientAreaRouter,
  admin: adminRouter,
  adminClients: adminClientsRouter,
  billingAdmin: billingAdminRouter,
  catalogAdmin: catalogAdminRouter,
  promotions: promotionsRouter,
  brands: brandsRouter,
  taxAdmin: taxAdminRouter,
  tasks: tasksRouter,
  mail: mailRouter,
  systemQueue: systemQueueRouter,
  staff: staffRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  security: securityRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
