// Runs `prisma generate` after install. Prisma 6 reads the schema's `url = env("DATABASE_URL")`
// even though generate never connects, so any syntactically valid URL is enough here.
import { execFileSync } from "node:child_process";

execFileSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost:5432/hostlane" },
});
