import "server-only";
import { formatDate } from "@/lib/format-date";
import { mailRecipients, recipientAddresses } from "@/server/clients/mail-recipients";
import { db, type DbClient } from "@/server/db";
import { mailTranslator } from "@/server/i18n/mail-translator";
import { queueMail } from "@/server/mail/queue-mail";
import { renderMail } from "@/server/mail/render-mail";

export type QueueWelcomeMailOptions = { serviceId: string; now: Date };

/** WARNING: existing outbox rows depend on this key format; changing it would send the welcome mail again. */
export const welcomeMailKey = (serviceId: string) => `welcome:${serviceId}`;

/**
 * Queues the "welcome" e-mail for an ACTIVE package, with its service details, to the contacts receiving
 * package e-mails (the "services" e-mail action; mailRecipients), greeting the first of them.
 * Idempotent through the dedupe key: a retried step never sends it twice.
 * Returns whether it is queued now or was already; `NO_RECIPIENT` when the client has no primary contact.
 */
export const queueWelcomeMail = async ({ serviceId, now }: QueueWelcomeMailOptions, client: DbClient = db) => {
  const service = await client.service.findUnique({
    where: { id: serviceId },
    select: {
      number: true, username: true, server: true, notes: true, nextDueAt: true, clientId: true,
      product: { select: { name: true, welcomeEmailText: true } },
    },
  });
  const recipients = service ? await mailRecipients({ clientId: service.clientId, action: "services" }, client) : [];
  const [contact] = recipients;
  if (!service || !contact) return { outcome: "NO_RECIPIENT" as const };
  const { t, locale } = mailTranslator(contact.language);
  const serviceDetails = [
    ...(service.username ? [[t("welcome.userName"), service.username] as const] : []),
    ...(service.server ? [[t("welcome.server"), service.server] as const] : []),
  ];
  const product = service.product.name;
  const mail = renderMail({
    locale,
    subject: t("welcome.subject", { product }),
    blocks: [
      t("welcome.greeting", { name: contact.firstName }),
      t("welcome.ready", { product, number: service.number }),
      ...(serviceDetails.length ? [{ rows: serviceDetails }] : []),
      ...(service.notes ? [service.notes] : []),
      // The product's own part of the welcome e-mail (Admin → Products → Welcome E-mail).
      ...(service.product.welcomeEmailText ? [service.product.welcomeEmailText] : []),
      ...(service.nextDueAt ? [t("welcome.nextDue", { date: formatDate(service.nextDueAt, locale) })] : []),
      t("welcome.thanks"),
    ],
  });
  const isQueued = await queueMail(
    { dedupeKey: welcomeMailKey(serviceId), template: "welcome", to: recipientAddresses(recipients), clientId: service.clientId, now, ...mail },
    client,
  );
  return { outcome: isQueued ? ("QUEUED" as const) : ("ALREADY_QUEUED" as const) };
};
