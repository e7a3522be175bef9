import "server-only";
import { db } from "@/server/db";

export const listStaff = () =>
  db.staff.findMany({
    orderBy: [{ isActive: "desc" }, { name: "asc" }],
    select: {
      id: true, name: true, email: true, isActive: true, createdAt: true, passwordHash: true,
      roles: { select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  }).then((rows) => rows.map(({ passwordHash, ...staff }) => ({ ...staff, hasPassword: passwordHash !== null })));

export const getStaff = async (staffId: string) => {
  const staff = await db.staff.findUnique({
    where: { id: staffId },
    select: {
      id: true, name: true, email: true, isActive: true, createdAt: true, passwordHash: true,
      roles: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      invitations: { orderBy: { createdAt: "desc" }, take: 1, select: { expiresAt: true, usedAt: true } },
    },
  });
  if (!staff) return null;
  const { passwordHash, ...rest } = staff;
  return { ...rest, hasPassword: passwordHash !== null };
};
