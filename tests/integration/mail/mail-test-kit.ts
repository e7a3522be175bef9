import { afterEach, beforeEach, vi } from "vitest";
import { db } from "@/server/db";
import { queueMail } from "@/server/mail/queue-mail";
import { renderMail } from "@/server/mail/render-mail";
import { createEmbeddedExecutor } from "@/server/workflows/embedded/executor";
import type { ServeHandler } from "@/server/workflows/embedded/protocol";
import { fakeDateClock, noJitter } from "@/server/workflows/embedded/testing";
import { handler } from "@/server/workflows/handler";
import { resetDatabase } from "@/tests/db";
import { uniqueEmail } from "@/tests/factories/checkout-factory";
import { type MailCaptureOptions, type MailCapture, startMailCapture } from "@/tests/stand-ins/smtp/mail-capture";

export const DELIVER_MAIL = "hostlane-deliver-mail";
export const SWEEP_MAIL_OUTBOX = "hostlane-sweep-mail-outbox";
export const MAIL_FROM = "Hostlane Billing <billing@hostlane.test>";
export const MAIL_REPLY_TO = "Hostlane Support <support@hostlane.test>";

const MAIL_VARIABLES = ["SMTP_URL", "MAIL_FROM", "MAIL_REPLY_TO"] as const;

/** Saves the mail variables before a test and restores them after, so no test leaks its SMTP server. */
export const keepMailEnvironment = () => {
  const saved = Object.fromEntries(MAIL_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of MAIL_VARIABLES) delete process.env[name];
  return () => {
    for (const name of MAIL_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  };
};

/** Points delivery at an SMTP server, with the From and Reply-To every test expects. */
export const useSmtpServer = (smtpUrl: string) => {
  process.env.SMTP_URL = smtpUrl;
  process.env.MAIL_FROM = MAIL_FROM;
  process.env.MAIL_REPLY_TO = MAIL_REPLY_TO;
};

/** The app's own workflows on an executor driven by the test (drain, advanceTime, tickCron) on the faked Date. */
export const startWorkflows = async ({ crons = false }: { crons?: boolean } = {}) => {
  const executor = await createEmbeddedExecutor({
    db, handler: handler as unknown as ServeHandler, clock: fakeDateClock(vi), autoStart: false, crons, random: noJitter,
  });
  await executor.sync();
  return executor;
};

/** One mail queued through the real use case, to a unique address; returns its row. */
export const queueTestMail = async (label = "notice") => {
  const to = uniqueEmail(label);
  const mail = renderMail({ subject: `Your ${label}`, blocks: [`Hello ${label},`, { rows: [["Amount", "$5.99"]] }] });
  await queueMail({ dedupeKey: `test:${to}`, template: label, to, now: new Date(), ...mail });
  return db.outboxMail.findUniqueOrThrow({ where: { dedupeKey: `test:${to}` } });
};

export const mailRow = (mailId: string) => db.outboxMail.findUniqueOrThrow({ where: { id: mailId } });

/**
 * What every mail test shares: a clean database and mail environment, Date faked at `start`, the expected
 * delivery warnings silenced (these tests fail attempts on purpose), and every SMTP server a test started
 * stopped after it. Returns the way to start one.
 */
export const setUpMailTests = (start: Date) => {
  const captures: MailCapture[] = [];
  let restoreEnvironment = () => {};
  beforeEach(async () => {
    await resetDatabase();
    restoreEnvironment = keepMailEnvironment();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
  });
  afterEach(async () => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    restoreEnvironment();
    await Promise.all(captures.splice(0).map((capture) => capture.stop()));
  });
  return {
    startCapture: async (options?: MailCaptureOptions) => {
      const capture = await startMailCapture(options);
      captures.push(capture);
      return capture;
    },
  };
};
