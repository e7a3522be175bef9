// What a contact can be set to receive and do. Shared by the admin and client-area forms and the server, so
// the checkboxes and the checks name the same values.

import { LOCALE_NAMES } from "./i18n/locales.mjs";
import en from "./i18n/messages/en.json";

/** "Email Actions": which automatic mails a contact receives (English names; the catalogs translate them). */
export const CONTACT_EMAIL_ACTIONS = en.ClientArea.emailActions;
export type TContactEmailAction = keyof typeof CONTACT_EMAIL_ACTIONS;
export const ALL_CONTACT_EMAIL_ACTIONS = Object.keys(CONTACT_EMAIL_ACTIONS) as TContactEmailAction[];

/** What a non-primary contact may see and do in the client area. The primary contact may do everything. */
export const CONTACT_PERMISSIONS = en.ClientArea.permissions;
export type TContactPermission = keyof typeof CONTACT_PERMISSIONS;
export const ALL_CONTACT_PERMISSIONS = Object.keys(CONTACT_PERMISSIONS) as TContactPermission[];

/** Languages with a translation; mails and documents use the contact's. */
export const CONTACT_LANGUAGES = LOCALE_NAMES;
export type TContactLanguage = keyof typeof CONTACT_LANGUAGES;

/** "Monthly Billing Day": 1–28 so every month has the day; empty obeys the system-wide setting. */
export const MAX_BILLING_DAY = 28;
