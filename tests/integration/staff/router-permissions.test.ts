import { describe, expect, it } from "vitest";
import { isPermission } from "@/server/staff/permissions";
import { allProcedures, NON_STAFF_PROCEDURES, SAMPLE_INPUTS } from "../../support/staff-procedures";

describe("every staff procedure declares a permission", () => {
  const procedures = allProcedures();

  it("finds the procedures of every router", () => {
    expect(procedures.length).toBeGreaterThan(40);
    expect(procedures.map((procedure) => procedure.path)).toContain("staff.invite");
  });

  it("has a catalogue permission on every procedure outside the reviewed public/client list", () => {
    const undeclared = procedures.filter((procedure) => !NON_STAFF_PROCEDURES.has(procedure.path) && !procedure.permission);
    expect(undeclared.map((procedure) => procedure.path)).toEqual([]);
    const unknown = procedures.filter((procedure) => procedure.permission && !isPermission(procedure.permission));
    expect(unknown.map((procedure) => procedure.path)).toEqual([]);
  });

  it("keeps the public/client list honest: each entry exists and declares no permission", () => {
    const byPath = new Map(procedures.map((procedure) => [procedure.path, procedure]));
    for (const path of NON_STAFF_PROCEDURES) {
      expect(byPath.has(path), path).toBe(true);
      expect(byPath.get(path)?.permission, path).toBeUndefined();
    }
  });

  it("has a sample input for every staff procedure that takes input (the role matrix calls them all)", () => {
    const missing = procedures.filter((procedure) => procedure.permission && procedure.hasInput && !(procedure.path in SAMPLE_INPUTS));
    expect(missing.map((procedure) => procedure.path)).toEqual([]);
  });
});
