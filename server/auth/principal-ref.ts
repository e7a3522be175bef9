import type { TPrincipal } from "./principal";

/** The row a principal's credentials hang on: a contact or a staff member. */
export type TPrincipalRef = { kind: "CONTACT" | "STAFF"; id: string };

export const principalRefOf = (principal: TPrincipal): TPrincipalRef =>
  principal.kind === "client" ? { kind: "CONTACT", id: principal.contactId } : { kind: "STAFF", id: principal.staffId };

export const auditActorOf = (principal: TPrincipal) =>
  principal.kind === "client"
    ? ({ kind: "contact", contactId: principal.contactId, clientId: principal.clientId } as const)
    : ({ kind: "staff", staffId: principal.staffId } as const);

export const auditEntityOf = (ref: TPrincipalRef) => ({ type: ref.kind === "CONTACT" ? "contact" : "staff", id: ref.id });
