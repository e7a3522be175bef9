import { authenticateApiKey } from "@/server/api-keys/authenticate-api-key";
import { now } from "@/server/clock";

export const dynamic = "force-dynamic";

/** Who the API key is: proves `Authorization: Bearer hl_live_…` on /api/v1 (the REST API proper comes later). */
export const GET = async (request: Request) => {
  const principal = await authenticateApiKey(request, now());
  if (!principal) {
    return Response.json(
      { error: { code: "UNAUTHORIZED", message: "A valid API key is required: Authorization: Bearer hl_live_…" } },
      { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="hostlane"' } },
    );
  }
  return Response.json({ name: principal.name, role: principal.roleName, permissions: [...principal.permissions].sort() });
};
