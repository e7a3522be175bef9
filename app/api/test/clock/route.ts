import { now, shiftSystemClock } from "@/server/clock";
import { getEmbeddedExecutor } from "@/server/workflows/embedded/boot";
import { parseDurationMs } from "@/server/workflows/embedded/duration";
import { notFound, testHooksAllowed } from "../hooks-guard";

export const dynamic = "force-dynamic";

/** E2E only (E2E_HOOKS=1 and the run's token, hooks-guard.ts): moves the app clock and the executor forward together (§6). */
export const POST = async (request: Request) => {
  if (!testHooksAllowed(request)) return notFound();
  const body = (await request.json().catch(() => ({}))) as { advance?: string };
  const ms = body.advance ? parseDurationMs(body.advance) : undefined;
  if (ms === undefined) return Response.json({ error: 'expected {"advance": "<duration>"}' }, { status: 400 });
  const executor = await getEmbeddedExecutor();
  if (executor) {
    await executor.advanceTime(ms);
  } else {
    shiftSystemClock(ms);
  }
  return Response.json({ now: now().toISOString() });
};
