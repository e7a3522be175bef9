import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

export type TRefusal = TRPCError & { cause?: { details?: { fieldErrors?: Record<string, string[]> } } };

/** The TRPCError a procedure call was refused with (failing the test when it succeeded); field errors in `cause`. */
export const trpcErrorOf = async (work: Promise<unknown>): Promise<TRefusal> => {
  const error = await work.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRefusal;
};
