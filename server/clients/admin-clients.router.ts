import "server-only";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { addClient, checkClientStep } from "./add-client";
import { ZAddClientInput, ZClientStepFields } from "./add-client.schemas";
import { createClientGroup, deleteClientGroup, listClientGroups, updateClientGroup } from "./client-groups";
import { ZClientGroupFields, ZClientGroupIdInput, ZUpdateClientGroupInput } from "./client-groups.schemas";
import { ZUpdateClientTaxDetailsInput } from "./tax-details.schemas";
import { updateClientTaxDetails } from "./update-client-tax-details";
import { now } from "@/server/clock";

/** Clients → Add New Client and Clients → Client Groups (the client list and details are in admin.router.ts). */
export const adminClientsRouter = createTRPCRouter({
  checkClientStep: staffProcedure("clients.write").input(ZClientStepFields).mutation(({ input }) => checkClientStep({ fields: input })),
  add: staffProcedure("clients.write").input(ZAddClientInput).mutation(({ input, ctx }) => addClient({ fields: input, actorStaffId: ctx.principal.staffId })),
  listGroups: staffProcedure("clients.read").query(() => listClientGroups()),
  createGroup: staffProcedure("clients.write").input(ZClientGroupFields).mutation(({ input, ctx }) => createClientGroup({ ...input, actorStaffId: ctx.principal.staffId })),
  updateGroup: staffProcedure("clients.write").input(ZUpdateClientGroupInput).mutation(({ input, ctx }) => updateClientGroup({ ...input, actorStaffId: ctx.principal.staffId })),
  updateTaxDetails: staffProcedure("clients.write")
    .input(ZUpdateClientTaxDetailsInput)
    .mutation(({ input, ctx }) => updateClientTaxDetails({ ...input, actor: { kind: "staff", staffId: ctx.principal.staffId }, now: now() })),
  deleteGroup: staffProcedure("clients.write").input(ZClientGroupIdInput).mutation(({ input, ctx }) => deleteClientGroup({ ...input, actorStaffId: ctx.principal.staffId })),
});
