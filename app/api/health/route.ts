import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the test runners. */
export const GET = async () => {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" });
  } catch (error) {
    console.error("[health] database unreachable", error);
    return Response.json({ status: "database unreachable" }, { status: 503 });
  }
};
