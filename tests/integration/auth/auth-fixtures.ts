import { db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import type { TClientPrincipal, TStaffPrincipal } from "@/server/auth/principal";
import { ADMINISTRATOR_ROLE_ID } from "@/server/staff/built-in-roles";
import { ensureBuiltInRoles } from "@/server/staff/ensure-built-in-roles";
import { createCaller } from "@/server/trpc/root";
import type { TPrincipal } from "@/server/auth/principal";
import { uniqueEmail } from "@/tests/factories/checkout-factory";

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-not-for-production";

export const PASSWORD = "violet-harbour-lantern";
// NOTE: one hash for every fixture: each costs about a second at today's parameters.
let passwordHash: Promise<string> | null = null;
export const fixtureHash = () => (passwordHash ??= hashPassword(PASSWORD));

export const createContactFixture = async ({ status = "ACTIVE" as const }: { status?: "ACTIVE" | "CLOSED" | "FRAUD" } = {}) => {
  const email = uniqueEmail("contact");
  const client = await db.client.create({ data: { country: "US", currency: "USD", status } });
  const contact = await db.contact.create({
    data: { clientId: client.id, isPrimary: true, firstName: "Ada", lastName: "Client", email, address1: "1 Main St", city: "Austin", state: "TX", zip: "78701", country: "US", phone: "+1 555 0100", passwordHash: await fixtureHash() },
  });
  const principal: TClientPrincipal = { kind: "client", contactId: contact.id, clientId: client.id, name: "Ada Client" };
  return { email, client, contact, principal };
};

/** A staff member with the Administrator role (so the default two-factor policy applies to them). */
export const createStaffLogin = async () => {
  await ensureBuiltInRoles();
  const email = uniqueEmail("staff");
  const staff = await db.staff.create({
    data: { email, name: "Sam Staff", passwordHash: await fixtureHash(), roles: { connect: { id: ADMINISTRATOR_ROLE_ID } } },
  });
  const principal: TStaffPrincipal = { kind: "staff", staffId: staff.id, name: staff.name };
  return { email, staff, principal };
};

export const callerAt = (principal: TPrincipal | null, ip = "203.0.113.7") => createCaller({ principal, ip });

/** The error a promise rejects with (fails the test when it resolves). */
export const rejectionOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!error) throw new Error("expected a rejection");
  return error as Error & { code?: string; cause?: { details?: { retryAfterSeconds?: number }; code?: string } };
};
