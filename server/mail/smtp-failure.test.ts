import { describe, expect, it } from "vitest";
import { classifySmtpFailure } from "./smtp-failure";

describe("classifySmtpFailure", () => {
  it.each([
    {
      name: "550 to RCPT TO is permanent, the reply kept verbatim",
      error: Object.assign(new Error("Can't send mail - all recipients were rejected"), {
        code: "EENVELOPE", command: "RCPT TO", responseCode: 550, response: "550 5.1.1 <nobody@example.test>: Recipient address rejected",
      }),
      expected: { isPermanent: true, reply: "550 5.1.1 <nobody@example.test>: Recipient address rejected (in reply to RCPT TO)" },
    },
    {
      name: "554 after DATA is permanent",
      error: Object.assign(new Error("Message failed"), { code: "EMESSAGE", command: "DATA", responseCode: 554, response: "554 5.7.1 Spam detected" }),
      expected: { isPermanent: true, reply: "554 5.7.1 Spam detected (in reply to DATA)" },
    },
    {
      name: "451 greylisting is retried",
      error: Object.assign(new Error("Message failed"), { code: "EMESSAGE", responseCode: 451, response: "451 4.7.1 Try again later" }),
      expected: { isPermanent: false, reply: "451 4.7.1 Try again later" },
    },
    {
      name: "a refused connection is retried, with the error as the reply",
      error: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ESOCKET", command: "CONN" }),
      expected: { isPermanent: false, reply: "ESOCKET: connect ECONNREFUSED 127.0.0.1:2525" },
    },
    {
      name: "a refused login (535) is retried: it is our credentials, not the message",
      error: Object.assign(new Error("Invalid login"), { code: "EAUTH", responseCode: 535, response: "535 5.7.8 Authentication failed" }),
      expected: { isPermanent: false, reply: "535 5.7.8 Authentication failed" },
    },
    {
      name: "a refused STARTTLS while TLS is required is retried: it is our configuration",
      error: Object.assign(new Error("Error initiating TLS"), { code: "ETLS", command: "STARTTLS", responseCode: 500, response: "500 Error: command not recognized" }),
      expected: { isPermanent: false, reply: "500 Error: command not recognized (in reply to STARTTLS)" },
    },
  ])("$name", ({ error, expected }) => {
    expect(classifySmtpFailure(error)).toEqual(expected);
  });
});
