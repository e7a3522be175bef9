import { describe, expect, it } from "vitest";
import { classifyApplyError } from "./db-errors";

// The shapes Prisma 6.19 with @prisma/adapter-pg throws for a raw query (captured against PostgreSQL 15).
const prismaRawError = (code: string, message: string, kind = "postgres") =>
  Object.assign(new Error(`\nInvalid \`prisma.$queryRawUnsafe()\` invocation:\n\n\nRaw query failed. Code: \`${code}\`. Message: \`${message}\``), {
    name: "PrismaClientKnownRequestError",
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: code, originalMessage: message, kind, code, message } } },
  });

describe("classifyApplyError", () => {
  it.each([
    ["a NUL in jsonb (22P05)", prismaRawError("22P05", "unsupported Unicode escape sequence")],
    ["invalid JSON (22P02)", prismaRawError("22P02", "invalid input syntax for type json")],
    ["a unique constraint (23505)", prismaRawError("23505", 'duplicate key value violates unique constraint "InngestJob_pkey"', "UniqueConstraintViolation")],
    ["a jsonb value too large (54000)", prismaRawError("54000", "total size of jsonb object elements exceeds the maximum of 268435455 bytes")],
    ["a pg error with a bare SQLSTATE", Object.assign(new Error("value too long for type character varying(5)"), { code: "22001" })],
    ["a result too large to serialise", new RangeError("Invalid string length")],
  ])("fails the run for a reply the database cannot store: %s", (_, error) => {
    expect(classifyApplyError(error)).toBe("data");
  });

  it.each([
    ["a deadlock (40P01)", prismaRawError("40P01", "deadlock detected")],
    ["a serialization failure (40001)", prismaRawError("40001", "could not serialize access due to concurrent update")],
    ["a statement timeout (57014)", prismaRawError("57014", "canceling statement due to statement timeout")],
    ["a terminated connection (57P01)", prismaRawError("57P01", "terminating connection due to administrator command")],
    ["a lost connection (08006)", Object.assign(new Error("connection failure"), { code: "08006" })],
    ["an interactive transaction timeout (P2028)", Object.assign(new Error("Transaction already closed: the timeout for this transaction was 30000 ms"), { code: "P2028" })],
    ["a pool timeout", new Error("timeout exceeded when trying to connect")],
    ["a reset socket", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["something unrecognised", "boom"],
  ])("leaves the job for a retry on a transient error: %s", (_, error) => {
    expect(classifyApplyError(error)).toBe("transient");
  });
});
