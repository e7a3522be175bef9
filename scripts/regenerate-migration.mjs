// Writes the SQL migration for the schema changes not yet covered by a committed migration
// (docs/toolchain.md §3): diff the schema as of the last commit that touched prisma/migrations
// against the working tree, into prisma/migrations/<timestamp>_<name>/migration.sql.
// Uncommitted migration folders are replaced, so the script can be re-run while a change is in progress.
// Usage: npm run db:migration -- <name>
//        node scripts/regenerate-migration.mjs --check   (CI: exit 1 when the schema has changes without a migration)
import { execFileSync, execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const isCheck = process.argv[2] === "--check";
const name = isCheck ? "" : (process.argv[2] ?? "init");
const migrationsDir = "prisma/migrations";
const git = (cmd) => execSync(`git ${cmd}`, { encoding: "utf8" }).trim();

const committed = new Set(
  git(`ls-files ${migrationsDir}`).split("\n").filter(Boolean).map((file) => file.split("/")[2]),
);
mkdirSync(migrationsDir, { recursive: true });
for (const entry of isCheck ? [] : readdirSync(migrationsDir)) {
  if (entry !== "migration_lock.toml" && !committed.has(entry)) {
    rmSync(path.join(migrationsDir, entry), { recursive: true, force: true });
  }
}
writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');

let from = ["--from-empty"];
const base = committed.size ? git(`log -n 1 --format=%H -- ${migrationsDir}`) : "";
if (base) {
  const scratch = mkdtempSync(path.join(tmpdir(), "hostlane-schema-"));
  for (const file of git(`ls-tree -r --name-only ${base} prisma`).split("\n")) {
    if (!file.endsWith(".prisma")) continue;
    mkdirSync(path.join(scratch, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(scratch, file), git(`show ${base}:${file}`));
  }
  from = ["--from-schema-datamodel", path.join(scratch, "prisma")];
}

const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma", "--script"],
  {
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_CLI_PGLITE: "1",
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost:5432/hostlane",
    },
  },
);
if (sql.includes("This is an empty migration")) {
  console.log(isCheck ? "Migrations match the schema." : "Schema unchanged: no migration written.");
  process.exit(0);
}
if (isCheck) {
  console.error("prisma/ changed without a migration. Run: npm run db:migration -- <name>\n" + sql);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql`);
