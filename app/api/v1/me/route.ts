import { routeHandler } from "@/server/api/define-endpoint";
import { meEndpoint } from "@/server/api/v1-endpoints";

export const dynamic = "force-dynamic";

export const GET = routeHandler(meEndpoint);
