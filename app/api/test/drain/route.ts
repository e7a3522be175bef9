import { getEmbeddedExecutor } from "@/server/workflows/embedded/boot";
import { notFound, testHooksAllowed } from "../hooks-guard";

export const dynamic = "force-dynamic";

/** E2E only (E2E_HOOKS=1 and the run's token, hooks-guard.ts): runs every due workflow job to completion before answering (§6). */
export const POST = async (request: Request) => {
  if (!testHooksAllowed(request)) return notFound();
  const executor = await getEmbeddedExecutor();
  if (!executor) return Response.json({ error: "the embedded executor is not running" }, { status: 409 });
  await executor.drain();
  return Response.json({ drained: true });
};
