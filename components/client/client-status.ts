import type { TMessages } from "@/lib/i18n/messages";

/** A package, invoice or payment status as the client area names it (ClientArea.statuses in the message catalogs). */
export type TClientStatus = keyof TMessages["ClientArea"]["statuses"];
