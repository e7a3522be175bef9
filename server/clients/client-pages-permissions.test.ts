import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_CONTACT_PERMISSIONS } from "@/lib/contact-options";

const CLIENT_DIR = path.resolve("app/(client)/client");
const REQUIRE_CONTACT = /await requireContact\("([^"]+)"[,)]/g;

/** The signed-in contact's own sign-in settings: every contact may change its own password and two-factor. */
const OWN_ACCOUNT_PAGES = new Set(["security/page.tsx"]);

const pagesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? pagesUnder(path.join(dir, entry.name)) : entry.name === "page.tsx" ? [path.join(dir, entry.name)] : [],
  );

describe("client area pages", () => {
  const pages = pagesUnder(CLIENT_DIR).map((file) => path.relative(CLIENT_DIR, file));

  it.each(pages.filter((page) => !OWN_ACCOUNT_PAGES.has(page)))("%s calls requireContact with a contact permission", (page) => {
    const permissions = [...readFileSync(path.join(CLIENT_DIR, page), "utf8").matchAll(REQUIRE_CONTACT)].map((match) => match[1]!);
    expect(permissions.length).toBeGreaterThan(0);
    expect(permissions.filter((permission) => !(ALL_CONTACT_PERMISSIONS as string[]).includes(permission))).toEqual([]);
  });
});
