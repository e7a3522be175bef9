import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPermission } from "./permissions";

const ADMIN_DIR = path.resolve("app/(admin)/admin");

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );

const REQUIRE_STAFF = /await requireStaff\("([^"]+)"\)/g;

/**
 * Pages about the signed-in staff member's own account, which need a staff session and no permission (a
 * reviewed list): My Security is where staff who must set up two-factor are sent by every other page.
 */
const OWN_ACCOUNT_PAGES = new Set(["account/security/page.tsx"]);

describe("admin pages and server actions", () => {
  const files = filesUnder(ADMIN_DIR).filter((file) => /\.tsx?$/.test(file));
  const pages = files.filter((file) => /[/\\]page\.tsx$/.test(file));

  it("finds the admin pages", () => {
    expect(pages.length).toBeGreaterThan(15);
  });

  const permissionPages = pages.filter((file) => !OWN_ACCOUNT_PAGES.has(path.relative(ADMIN_DIR, file)));

  it.each([...OWN_ACCOUNT_PAGES])("%s (own account) requires a staff session", (name) => {
    expect(readFileSync(path.join(ADMIN_DIR, name), "utf8")).toMatch(/await requireStaffSession\(\)/);
  });

  it.each(permissionPages.map((file) => [path.relative(ADMIN_DIR, file), file]))("%s calls requireStaff with a catalogue permission", (_name, file) => {
    const permissions = [...readFileSync(file, "utf8").matchAll(REQUIRE_STAFF)].map((match) => match[1]!);
    expect(permissions.length).toBeGreaterThan(0);
    expect(permissions.filter((permission) => !isPermission(permission))).toEqual([]);
  });

  it("has requireStaff in every server action file under the admin area", () => {
    const actionFiles = files.filter((file) => /^\s*["']use server["']/m.test(readFileSync(file, "utf8")));
    const unguarded = actionFiles.filter((file) => ![...readFileSync(file, "utf8").matchAll(REQUIRE_STAFF)].some((match) => isPermission(match[1]!)));
    expect(unguarded).toEqual([]);
  });
});
