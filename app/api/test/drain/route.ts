import { getEmbeddedExecutor } from "@/server/workflows/embedded/boot";

export const dynamic = "force-dynamic";

/** E2E only (E2E_HOOKS=1): runs every due workflow job to completion before answering (§6). */
export const POST = async () => {
  if (process.env.E2E_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const executor = await getEmbeddedExecutor();
  if (!executor) return Response.json({ error: "the embedded executor is not running" }, { status: 409 });
  await executor.drain();
  return Response.json({ drained: true });
};
