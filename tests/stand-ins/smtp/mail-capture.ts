import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message as the server received it: parsed, plus how it came (TLS, login, envelope). */
export type CapturedMail = { mail: ParsedMail; isSecure: boolean; user: string | null; envelopeTo: string[] };

/** A reply the server gives to RCPT TO instead of accepting, e.g. { code: 550, text: "5.1.1 No such user" }. */
export type RecipientRefusal = { code: number; text: string };

export type MailCaptureOptions = {
  /** TLS from the first byte (smtps://); otherwise plain SMTP that offers STARTTLS only when `offersStartTls`. */
  isImplicitTls?: boolean;
  offersStartTls?: boolean;
  /** When set, AUTH is required and only these credentials pass. */
  login?: { user: string; pass: string };
};

/**
 * A real SMTP server on 127.0.0.1 (integrations.md §8): nodemailer talks to it over a socket, exactly as to a
 * provider's mail server. TLS uses smtp-server's built-in self-signed localhost certificate, so clients must be
 * told not to verify it (`tls.rejectUnauthorized=false` in the URL).
 * `stop()` and `start()` take it down and bring it back on the same port, to test retries.
 */
export const startMailCapture = async ({ isImplicitTls = false, offersStartTls = false, login }: MailCaptureOptions = {}) => {
  const inbox: CapturedMail[] = [];
  const state: { refusal: RecipientRefusal | null; port: number } = { refusal: null, port: 0 };

  const createServer = () =>
    new SMTPServer({
      secure: isImplicitTls,
      authOptional: !login,
      disabledCommands: offersStartTls || isImplicitTls ? [] : ["STARTTLS"],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (login && auth.username === login.user && auth.password === login.pass) return callback(null, { user: auth.username });
        return callback(Object.assign(new Error("5.7.8 Authentication failed"), { responseCode: 535 }));
      },
      onRcptTo: (_address, _session, callback) => {
        if (!state.refusal) return callback();
        return callback(Object.assign(new Error(state.refusal.text), { responseCode: state.refusal.code }));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then((mail) => {
          inbox.push({
            mail,
            isSecure: session.secure,
            user: typeof session.user === "string" ? session.user : null,
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          });
          callback();
        }, callback);
      },
    });

  let server: SMTPServer | null = null;
  const start = async () => {
    const next = createServer();
    await new Promise<void>((resolve, reject) => {
      next.server.once("error", reject);
      next.listen(state.port, "127.0.0.1", () => resolve());
    });
    state.port = (next.server.address() as AddressInfo).port;
    server = next;
  };
  const stop = async () => {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };
  await start();

  return {
    inbox,
    /** The server's address, in SMTP_URL form. */
    url: (credentials = "", query = "") => `${isImplicitTls ? "smtps" : "smtp"}://${credentials}127.0.0.1:${state.port}${query}`,
    /** From now on refuse every recipient with this reply (null: accept again). */
    refuseRecipients: (refusal: RecipientRefusal | null) => {
      state.refusal = refusal;
    },
    start,
    stop,
  };
};

export type MailCapture = Awaited<ReturnType<typeof startMailCapture>>;
