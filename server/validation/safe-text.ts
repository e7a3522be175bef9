import { z } from "zod";

// NOTE: PostgreSQL text cannot hold U+0000, so a NUL byte reaching a query is a 500, not a "not found";
// other C0 controls never belong in a name, address or ID either. Refused at the edge instead.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A string without control characters (tabs and line breaks allowed): for every text field from outside. */
export const safeText = (message = "Remove the control characters from this text.") => z.string().refine((value) => !CONTROL_CHARACTERS.test(value), message);

/** A record ID as the app makes them (cuid, or a slug-like key): letters, digits, "-" and "_". */
export const ZRecordId = z.string().min(1).max(64).regex(/^[\w-]+$/, "This is not a valid ID.");
