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

describe("admin pages and server actions", () => {
  const files = filesUnder(ADMIN_DIR).filter((file) => /\.tsx?$/.test(file));
  const pages = files.filter((file) => /[/\\]page\.tsx$/.test(file));

  it("finds the admin pages", () => {
    expect(pages.length).toBeGreaterThan(15);
  });

  it.each(pages.map((file) => [path.relative(ADMIN_DIR, file), file]))("%s calls requireStaff with a catalogue permission", (_name, file) => {
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
