import "server-only";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { ADMINISTRATOR_ROLE_ID } from "./built-in-roles";

type Tx = Prisma.TransactionClient;

/**
 * Serialises every change that could leave no active Administrator: a row lock on the Administrator role, taken
 * first in the transaction, so two concurrent demotions run one after the other and the second sees the first.
 */
export const lockAdministrators = async (tx: Tx) => {
  await tx.$queryRaw`SELECT "id" FROM "Role" WHERE "id" = ${ADMINISTRATOR_ROLE_ID} FOR UPDATE`;
};

/** Called after the change, inside the locked transaction: throwing rolls the change back. */
export const assertActiveAdministratorRemains = async (tx: Tx) => {
  const count = await tx.staff.count({ where: { isActive: true, roles: { some: { id: ADMINISTRATOR_ROLE_ID } } } });
  if (count === 0) {
    throw new AppError("INVALID_STATE_TRANSITION", {
      userMessage: "This would leave no active Administrator. Make someone else an Administrator first.",
    });
  }
};
