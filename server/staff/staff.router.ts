import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ZStaffTwoFactorPolicy } from "@/server/auth/two-factor/staff-two-factor-policy";
import { updateStaffTwoFactorPolicy } from "@/server/auth/two-factor/update-staff-two-factor-policy";
import { now } from "@/server/clock";
import { createTRPCRouter, publicProcedure, staffProcedure } from "@/server/trpc/init";
import { acceptInvitation } from "./accept-invitation";
import { appOrigin } from "./app-origin";
import { inviteStaff } from "./invite-staff";
import { getRole, listRoles } from "./role-queries";
import { createRole, deleteRole, updateRole } from "./save-role";
import { setStaffActive } from "./set-staff-active";
import { setStaffRoles } from "./set-staff-roles";
import { signOutStaffEverywhere } from "./sign-out-staff-everywhere";
import { getStaff, listStaff } from "./staff-queries";
import {
  ZAcceptInvitationInput, ZInviteStaffInput, ZRoleFields, ZRoleIdInput, ZSetStaffActiveInput, ZSetStaffRolesInput, ZStaffIdInput, ZUpdateRoleInput,
} from "./staff.schemas";

/** Admin → Staff and Admin → Roles (all `staff.manage`), the staff two-factor setting, and the public invitation acceptance. */
export const staffRouter = createTRPCRouter({
  list: staffProcedure("staff.manage").query(() => listStaff()),

  get: staffProcedure("staff.manage").input(ZStaffIdInput).query(async ({ input }) => {
    const staff = await getStaff(input.staffId);
    if (!staff) throw new TRPCError({ code: "NOT_FOUND", message: "This staff member does not exist." });
    return staff;
  }),

  invite: staffProcedure("staff.manage")
    .input(ZInviteStaffInput)
    .mutation(async ({ input, ctx }) => inviteStaff({ ...input, actorStaffId: ctx.principal.staffId, origin: await appOrigin(), now: now() })),

  setRoles: staffProcedure("staff.manage").input(ZSetStaffRolesInput).mutation(({ input, ctx }) => setStaffRoles({ ...input, actorStaffId: ctx.principal.staffId })),

  setActive: staffProcedure("staff.manage").input(ZSetStaffActiveInput).mutation(({ input, ctx }) => setStaffActive({ ...input, actorStaffId: ctx.principal.staffId })),

  signOutEverywhere: staffProcedure("staff.manage")
    .input(ZStaffIdInput)
    .mutation(({ input, ctx }) => signOutStaffEverywhere({ staffId: input.staffId, actorStaffId: ctx.principal.staffId })),

  roles: staffProcedure("staff.manage").query(() => listRoles()),

  role: staffProcedure("staff.manage").input(ZRoleIdInput).query(async ({ input }) => {
    const role = await getRole(input.roleId);
    if (!role) throw new TRPCError({ code: "NOT_FOUND", message: "This role does not exist." });
    return role;
  }),

  createRole: staffProcedure("staff.manage").input(ZRoleFields).mutation(({ input, ctx }) => createRole({ fields: input, actorStaffId: ctx.principal.staffId })),

  updateRole: staffProcedure("staff.manage")
    .input(ZUpdateRoleInput)
    .mutation(({ input: { roleId, ...fields }, ctx }) => updateRole({ roleId, fields, actorStaffId: ctx.principal.staffId })),

  deleteRole: staffProcedure("staff.manage").input(ZRoleIdInput).mutation(({ input, ctx }) => deleteRole({ roleId: input.roleId, actorStaffId: ctx.principal.staffId })),

  /** Admin → Settings → Staff Sign-In: who must use two-factor. */
  updateTwoFactorPolicy: staffProcedure("settings.manage")
    .input(z.object({ policy: ZStaffTwoFactorPolicy }))
    .mutation(({ input, ctx }) => updateStaffTwoFactorPolicy({ policy: input.policy, staffId: ctx.principal.staffId })),

  // NOTE: public on purpose: the invitee has no session yet; the token is the credential.
  acceptInvitation: publicProcedure.input(ZAcceptInvitationInput).mutation(({ input }) => acceptInvitation({ ...input, now: now() })),
});
