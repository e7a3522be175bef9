/**
 * What a failed SMTP delivery means for the mail. nodemailer puts the server's reply on the error
 * (`responseCode`, `response`); errors without one never reached a verdict (refused connection, timeout, TLS).
 */
export type SmtpFailure = {
  /**
   * True for a 5xx reply to the message itself (MAIL FROM, RCPT TO, DATA): the server refused it for good and
   * retrying gets the same answer.
   */
  isPermanent: boolean;
  /**
   * The server's reply verbatim and the command it answered ("550 5.1.1 <x@example.com>: Recipient address
   * rejected (in reply to RCPT TO)"); without a reply, the error ("ESOCKET: connect ECONNREFUSED 127.0.0.1:25").
   */
  reply: string;
};

type NodemailerError = { code?: unknown; command?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };

/** nodemailer's `command` is the SMTP command answered, or API/CONN for errors of its own. */
const isSmtpCommand = (command: unknown): command is string => typeof command === "string" && !["API", "CONN"].includes(command);

export const classifySmtpFailure = (error: unknown): SmtpFailure => {
  const { code, command, responseCode, response, message } = (typeof error === "object" && error ? error : {}) as NodemailerError;
  const reply =
    typeof response === "string" && response.trim()
      ? `${response.trim()}${isSmtpCommand(command) ? ` (in reply to ${command})` : ""}`
      : `${typeof code === "string" ? `${code}: ` : ""}${typeof message === "string" ? message : String(error)}`;
  // NOTE: a 5xx during the session set-up (a refused login, EAUTH 535; STARTTLS refused while TLS is required,
  // ETLS) is about our configuration, not this message: it is retried like a connection error, so the mail goes
  // out once the operator fixes SMTP_URL. nodemailer marks replies to the message EENVELOPE and EMESSAGE.
  const isAboutMessage = code === "EENVELOPE" || code === "EMESSAGE";
  const isPermanent = isAboutMessage && typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
  return { isPermanent, reply };
};
