import "server-only";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { ZListAuditInput } from "./audit.schemas";
import { listAuditEntries } from "./list-audit-entries";

export const auditRouter = createTRPCRouter({
  list: staffProcedure("audit.read").input(ZListAuditInput).query(({ input }) => listAuditEntries(input)),
});
