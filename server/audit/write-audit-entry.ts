import "server-only";
import { type DbClient, db } from "@/server/db";

/** Who did it: a staff member, a client contact, an API key, or the system (a workflow, named by its id). */
export type TAuditActor =
  | { kind: "staff"; staffId: string }
  | { kind: "contact"; contactId: string; clientId: string }
  | { kind: "api-key"; apiKeyId: string }
  | { kind: "system"; name: string };

export type TAuditEntry = {
  actor: TAuditActor;
  /** "<entity>.<past-tense verb>", e.g. "invoice.payment-recorded". */
  action: string;
  entity: { type: string; id: string };
  /** The changed fields before and after the change (only those). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Anything else worth keeping that is not a field change (amounts, reasons). Never a secret. */
  details?: Record<string, unknown>;
  /** Where the request came from, when there was one. */
  request?: { ip?: string; userAgent?: string };
};

/**
 * The one way to write an audit entry; call it with the transaction of the change it records.
 * WARNING: interim body over the skeleton's AuditLog columns; the security baseline (issue #7) gives the
 * table actor, before/after and request columns and makes it append-only. Callers keep this signature.
 */
export const writeAuditEntry = async (entry: TAuditEntry, client: DbClient = db) => {
  const { actor, action, entity, before, after, details, request } = entry;
  await client.auditLog.create({
    data: {
      staffId: actor.kind === "staff" ? actor.staffId : null,
      action,
      entityType: entity.type,
      entityId: entity.id,
      details: JSON.parse(JSON.stringify({ actor, before, after, ...details, request })),
    },
  });
};
