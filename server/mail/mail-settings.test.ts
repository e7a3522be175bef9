import { describe, expect, it } from "vitest";
import { describeSmtpServer, mailSettings } from "./mail-settings";

describe("mailSettings", () => {
  it("reads SMTP_URL, MAIL_FROM and MAIL_REPLY_TO; an empty variable counts as unset", () => {
    expect(mailSettings({ SMTP_URL: "smtps://u:p@mail.example.com", MAIL_FROM: "Example Hosting <billing@example.com>", MAIL_REPLY_TO: "" })).toEqual({
      smtpUrl: "smtps://u:p@mail.example.com", from: "Example Hosting <billing@example.com>", replyTo: null, messageIdDomain: "example.com",
    });
    expect(mailSettings({ SMTP_URL: "" })).toMatchObject({ smtpUrl: null, replyTo: null });
  });

  it.each([
    { name: "another scheme", environment: { SMTP_URL: "https://mail.example.com", MAIL_FROM: "a@example.com" }, message: "SMTP_URL must be an smtp:// or smtps:// URL" },
    { name: "no From with SMTP", environment: { SMTP_URL: "smtp://mail.example.com" }, message: "MAIL_FROM is required when SMTP_URL is set" },
    { name: "two From addresses", environment: { MAIL_FROM: "a@example.com, b@example.com" }, message: "MAIL_FROM must be one e-mail address" },
    { name: "a Reply-To without @", environment: { MAIL_REPLY_TO: "support" }, message: "MAIL_REPLY_TO must be one e-mail address" },
  ])("refuses $name, naming the variable", ({ environment, message }) => {
    expect(() => mailSettings(environment)).toThrow(message);
  });
});

describe("describeSmtpServer", () => {
  it.each([
    { url: "smtp://mail.example.com", expected: "mail.example.com:587 (STARTTLS when offered)" },
    { url: "smtp://billing%40example.com:p%40ss@mail.example.com:2525", expected: "mail.example.com:2525 (STARTTLS when offered as billing@example.com)" },
    { url: "smtps://u:secret@mail.example.com", expected: "mail.example.com:465 (TLS as u)" },
  ])("$url → $expected, never the password", ({ url, expected }) => {
    expect(describeSmtpServer(url)).toBe(expected);
  });
});
