import "server-only";
import { type DbClient, db } from "@/server/db";
import type { AuditActorKind, Prisma } from "@/server/db/generated/client";
import { readRequestContext, type TRequestContext } from "./request-context";

/**
 * Who did it: a staff member, a client contact, an API key, or the system (a workflow, named by its id).
 * `label` is optional: without it, staff and contacts are labelled by their current name and e-mail.
 */
export type TAuditActor =
  | { kind: "staff"; staffId: string; label?: string }
  | { kind: "contact"; contactId: string; clientId: string; label?: string }
  | { kind: "api-key"; apiKeyId: string; label?: string }
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
  /** Where the request came from; read from the current request when omitted (none for system actors). */
  request?: TRequestContext;
  /** When it happened; the database clock unless a use case works on its own clock (reconciliation). */
  at?: Date;
};

const ACTOR_KIND: Record<TAuditActor["kind"], AuditActorKind> = {
  staff: "STAFF",
  contact: "CONTACT",
  "api-key": "API_KEY",
  system: "SYSTEM",
};

const actorIdOf = (actor: TAuditActor) =>
  actor.kind === "staff" ? actor.staffId : actor.kind === "contact" ? actor.contactId : actor.kind === "api-key" ? actor.apiKeyId : actor.name;

/** The actor as people know them at the time of writing, kept so the entry reads well after a rename. */
const labelOf = async (actor: TAuditActor, client: DbClient) => {
  if (actor.kind === "system") return actor.name;
  if (actor.label) return actor.label;
  if (actor.kind === "staff") {
    const staff = await client.staff.findUnique({ where: { id: actor.staffId }, select: { name: true, email: true } });
    return staff ? `${staff.name} <${staff.email}>` : "";
  }
  if (actor.kind === "contact") {
    const contact = await client.contact.findUnique({ where: { id: actor.contactId }, select: { firstName: true, lastName: true, email: true } });
    return contact ? `${contact.firstName} ${contact.lastName} <${contact.email}>` : "";
  }
  return "";
};

/** Dates become ISO strings, undefined keys go: what JSON keeps is what the entry shows. */
const toJson = (value: Record<string, unknown> | undefined) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject);

/**
 * The one way to write an audit entry; call it with the transaction of the change it records, so the change
 * and its entry commit or roll back together. The table is append-only (a trigger refuses UPDATE/DELETE).
 */
export const writeAuditEntry = async (entry: TAuditEntry, client: DbClient = db) => {
  const { actor, action, entity, before, after, details } = entry;
  const request = entry.request ?? (actor.kind === "system" ? undefined : await readRequestContext());
  await client.auditLog.create({
    data: {
      actorKind: ACTOR_KIND[actor.kind],
      actorId: actorIdOf(actor),
      actorLabel: await labelOf(actor, client),
      staffId: actor.kind === "staff" ? actor.staffId : null,
      action,
      entityType: entity.type,
      entityId: entity.id,
      before: toJson(before),
      after: toJson(after),
      details: toJson(details),
      ip: request?.ip,
      userAgent: request?.userAgent,
      createdAt: entry.at,
    },
  });
};
