// The shared frame of the db:backup / db:restore / db:export scripts, which work on the embedded database only:
// print the outcome, or the error's message (a refused lock is an answer, not a crash) and exit 1.
import { env } from "../env.mjs";

export const runDatabaseTool = async (work: () => Promise<string>) => {
  try {
    if (env.DATABASE_URL) {
      throw new Error("DATABASE_URL is set, so the app uses PostgreSQL, not the embedded database: back it up with pg_dump.");
    }
    console.log(await work());
  } catch (error) {
    const { message, cause } = error as Error & { cause?: Error };
    console.error(cause?.message ? `${message}\n  (${cause.message})` : message);
    process.exitCode = 1;
  }
};
