import { z } from "zod";
import { ZNewPassword } from "@/server/auth/password-policy";
import { isPermission, type TPermission } from "./permissions";

const ZId = z.string().min(1).max(64);
const ZRoleIds = z.array(ZId).min(1, "Choose at least one role.").max(50);

export const ZInviteStaffInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(120),
  email: z.email("Enter a valid e-mail address.").trim().toLowerCase().max(200),
  roleIds: ZRoleIds,
});

export const ZStaffIdInput = z.object({ staffId: ZId });
export const ZSetStaffRolesInput = z.object({ staffId: ZId, roleIds: ZRoleIds });
export const ZSetStaffActiveInput = z.object({ staffId: ZId, isActive: z.boolean() });

export const ZAcceptInvitationInput = z.object({
  token: z.string().min(10).max(200),
  password: ZNewPassword,
});

const ZPermissionList = z
  .array(z.string().refine(isPermission, "Unknown permission."))
  .max(200)
  .transform((list) => [...new Set(list)] as TPermission[]);

export const ZRoleFields = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(60),
  description: z.string().trim().max(300).default(""),
  permissions: ZPermissionList,
});
export const ZRoleIdInput = z.object({ roleId: ZId });
export const ZUpdateRoleInput = ZRoleFields.extend({ roleId: ZId });
