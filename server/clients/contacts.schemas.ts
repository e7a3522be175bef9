import { z } from "zod";
import { ZRecordId } from "@/server/validation/safe-text";
import { refineContact, ZContactFields, ZContactPassword, ZContactPermissions } from "./contact-fields.schemas";

/** Client area "Add Contact". */
export const ZAddContactInput = ZContactFields.extend({ ...ZContactPassword.shape, ...ZContactPermissions.shape }).superRefine(refineContact);
/** "Edit Contact Info" → "Save Contact": an empty password keeps the current one. */
export const ZUpdateContactInput = ZContactFields.extend({ contactId: ZRecordId, ...ZContactPassword.shape, ...ZContactPermissions.shape }).superRefine(refineContact);
export const ZContactIdInput = z.object({ contactId: ZRecordId });

export type TAddContactInput = z.input<typeof ZAddContactInput>;
export type TAddContactFields = z.output<typeof ZAddContactInput>;
export type TUpdateContactInput = z.input<typeof ZUpdateContactInput>;
export type TUpdateContactFields = z.output<typeof ZUpdateContactInput>;
