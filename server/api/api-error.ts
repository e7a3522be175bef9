import "server-only";
import { ZodError, z } from "zod";
import { APP_ERROR_STATUS, AppError } from "@/server/errors";

const GENERIC_MESSAGE = "Something went wrong on our side. Please try again; if it keeps happening, contact support.";

/**
 * The one place REST answers errors: `{ error: { code, message, fields } }` with the HTTP status of the code.
 * Invalid input names its fields (the same messages the forms show); anything unexpected is a logged 500 that
 * tells the caller nothing about the inside.
 */
export const apiErrorResponse = (error: unknown) => {
  if (error instanceof ZodError) {
    const fields = z.flattenError(error).fieldErrors as Record<string, string[]>;
    return Response.json({ error: { code: "INVALID_INPUT", message: "Please correct the fields named in `fields`.", fields } }, { status: 400 });
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = error.details.retryAfterSeconds ? { "Retry-After": String(error.details.retryAfterSeconds) } : {};
    const message = error.details.userMessage ?? error.code;
    return Response.json(
      { error: { code: error.code, message, ...(error.details.fieldErrors ? { fields: error.details.fieldErrors } : {}) } },
      { status: APP_ERROR_STATUS[error.code].http, headers },
    );
  }
  console.error("[api] unexpected error", error);
  return Response.json({ error: { code: "INTERNAL", message: GENERIC_MESSAGE } }, { status: 500 });
};
