import { expect, it } from "vitest";
import { requestLocale } from "./request-locale";

it("follows the language cookie outside the admin area, which stays English", () => {
  expect(requestLocale({ pathname: "/cart", cookie: "de" })).toBe("de");
  expect(requestLocale({ pathname: "/client/invoices", cookie: "de" })).toBe("de");
  expect(requestLocale({ pathname: "/admin", cookie: "de" })).toBe("en");
  expect(requestLocale({ pathname: "/admin/clients", cookie: "de" })).toBe("en");
  expect(requestLocale({ pathname: "/administrator", cookie: "de" })).toBe("de");
  expect(requestLocale({ pathname: "/cart", cookie: undefined })).toBe("en");
  expect(requestLocale({ pathname: "/cart", cookie: "fr" })).toBe("en");
});
