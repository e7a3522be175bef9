import type { TPermission } from "@/server/staff/permissions";
import { appRouter } from "@/server/trpc/root";

type ProcedureDef = { type: "query" | "mutation" | "subscription"; meta?: { permission?: TPermission }; inputs: unknown[] };

/**
 * Every procedure of the app router by dotted path, with what it declares (tRPC keeps `meta` on each).
 * NOTE: at run time `_def.procedures` is flat ("staff.invite" → procedure); its static type is the nested record.
 */
export const allProcedures = () =>
  Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    permission: procedure._def.meta?.permission,
    hasInput: procedure._def.inputs.length > 0,
  }));

/**
 * The procedures that are deliberately not staff procedures: the storefront, checkout, the client area
 * (clientProcedure), the invitation and password-reset links (their token is the credential) and the signed-in
 * principal's own account (security.*: password, two-factor, sign out everywhere). Everything else must declare a
 * permission; adding a procedure here is a reviewed decision.
 */
export const NON_STAFF_PROCEDURES = new Set([
  "catalog.listGroups",
  "catalog.getProduct",
  "checkout.quote",
  "checkout.placeOrder",
  "checkout.quoteForClient",
  "checkout.placeOrderForClient",
  "clientArea.dashboard",
  "clientArea.listInvoices",
  "clientArea.getInvoice",
  "clientArea.listPackages",
  "clientArea.getPackage",
  "clientArea.listContacts",
  "clientArea.addContact",
  "clientArea.updateContact",
  "clientArea.removeContact",
  "clientArea.updateTaxId",
  "staff.acceptInvitation",
  "security.requestPasswordReset",
  "security.resetPassword",
  "security.changePassword",
  "security.signOutEverywhere",
  "security.startTwoFactor",
  "security.confirmTwoFactor",
  "security.disableTwoFactor",
]);

const MISSING = "does-not-exist";

/**
 * Input for each staff procedure that takes one: valid against its schema, so an allowed call reaches the
 * handler (which then answers NOT_FOUND for the made-up ids, or does its harmless work).
 */
export const SAMPLE_INPUTS: Record<string, unknown> = {
  "admin.listClients": {},
  "adminClients.checkClientStep": { billingCountry: "US" },
  "adminClients.add": {
    billingCountry: "US", firstName: "Matrix", lastName: "Client", email: "matrix-client@hostlane.test", address1: "1 Main St",
    city: "Springfield", state: "IL", zip: "62701", country: "US", phone: "+1 555 0100",
  },
  "adminClients.createGroup": { name: "Matrix Group", discountPercent: "5" },
  "adminClients.updateGroup": { clientGroupId: MISSING, name: "Matrix Group 2", discountPercent: "5" },
  "adminClients.deleteGroup": { clientGroupId: MISSING },
  "adminClients.updateTaxDetails": { clientId: MISSING, isTaxable: true, taxId: "" },
  "audit.list": {},
  "admin.getClient": { clientId: MISSING },
  "admin.getPackage": { serviceId: MISSING },
  "billingAdmin.listInvoices": {},
  "billingAdmin.getInvoice": { invoiceId: MISSING },
  "billingAdmin.addPayment": { invoiceId: MISSING, amountCents: 100, receivedOn: "2026-01-01", transactionId: "TX-1" },
  "billingAdmin.addCredit": { clientId: MISSING, amountCents: 100, description: "Goodwill" },
  "billingAdmin.resendPaidEvent": { invoiceId: MISSING },
  "catalogAdmin.updatePrice": { priceId: MISSING, amountCents: 100, setupFeeCents: 0 },
  "promotions.save": {
    id: MISSING, code: "MATRIX10", description: "", kind: "PERCENT", percentBasisPoints: 1_000, amounts: [], recurrence: "ONCE", recurringCycles: null,
    productIds: [], addonIds: [], cycles: [], startsAt: null, endsAt: null, maxUses: null, oncePerClient: false, newClientsOnly: false, isActive: true,
  },
  "brands.save": { id: MISSING, name: "Matrix Brand", isDefault: true, logoUrl: "", primaryColor: "#112233", senderName: "", senderEmail: "", invoiceHeader: "" },
  "catalogAdmin.createGroup": { name: "Matrix Group", slug: "matrix-group" },
  "catalogAdmin.updateGroup": { groupId: MISSING, name: "Matrix Group", slug: "matrix-group" },
  "catalogAdmin.moveGroup": { groupId: MISSING, direction: "up" },
  "catalogAdmin.createProduct": { groupId: MISSING, name: "Matrix Product", slug: "matrix-product", type: "OTHER", prices: [] },
  "catalogAdmin.updateProduct": { productId: MISSING, groupId: MISSING, name: "Matrix Product", slug: "matrix-product", type: "OTHER", prices: [] },
  "catalogAdmin.createAddon": { name: "Matrix Add-on", slug: "matrix-addon", productIds: [MISSING], prices: [] },
  "catalogAdmin.updateAddon": { addonId: MISSING, name: "Matrix Add-on", slug: "matrix-addon", productIds: [], prices: [] },
  "catalogAdmin.saveOption": { productId: MISSING, name: "Matrix Option", slug: "matrix-option", kind: "YES_NO", values: [{ label: "Yes", slug: "yes", prices: [] }] },
  "catalogAdmin.deleteOption": { optionId: MISSING },
  "catalogAdmin.createCurrency": { code: "XTS", symbol: "¤", minorUnits: 2, exchangeRate: "1" },
  "catalogAdmin.updateCurrency": { code: "XXX", symbol: "¤", exchangeRate: "1" },
  "taxAdmin.saveRule": { ruleId: MISSING, fields: { name: "VAT" } },
  "taxAdmin.deleteRule": { ruleId: MISSING },
  "taxAdmin.updateSettings": { fields: { seller: {}, pricesIncludeTax: false } },
  // NOTE: a malformed number is refused before VIES is asked, so the matrix never leaves the machine.
  "taxAdmin.checkVatNumber": { vatNumber: "DE!", country: "DE" },
  "tasks.list": {},
  "tasks.get": { taskId: MISSING },
  "tasks.assignToMe": { taskId: MISSING },
  "tasks.close": { taskId: MISSING, username: "", server: "", notes: "" },
  "mail.getOutboxMail": { mailId: MISSING },
  "mail.resend": { mailId: MISSING },
  "systemQueue.listRuns": {},
  "systemQueue.countRuns": {},
  "systemQueue.getRun": { runId: MISSING },
  "systemQueue.listRecentEvents": {},
  "systemQueue.retryRun": { runId: MISSING },
  "systemQueue.cancelRun": { runId: MISSING },
  "systemQueue.runNow": { runId: MISSING },
  "systemQueue.runScheduleNow": { functionId: MISSING },
  "systemQueue.updateRunRetention": { days: 30 },
  "staff.get": { staffId: MISSING },
  "staff.invite": { name: "Matrix Invitee", email: "matrix-invitee@hostlane.test", roleIds: ["role_support"] },
  "staff.setRoles": { staffId: MISSING, roleIds: ["role_support"] },
  "staff.setActive": { staffId: MISSING, isActive: false },
  "staff.signOutEverywhere": { staffId: MISSING },
  "staff.role": { roleId: MISSING },
  "staff.createRole": { name: "Matrix Role", description: "", permissions: ["clients.read"] },
  "staff.updateRole": { roleId: MISSING, name: "Matrix Role 2", description: "", permissions: [] },
  "staff.deleteRole": { roleId: MISSING },
  "staff.updateTwoFactorPolicy": { policy: "privileged" },
  "apiKeys.create": { name: "Matrix Key", roleId: "role_automation" },
  "apiKeys.revoke": { apiKeyId: MISSING },
};
