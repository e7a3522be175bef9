import { routeHandler } from "@/server/api/define-endpoint";
import { catalogEndpoint } from "@/server/api/v1-endpoints";

export const dynamic = "force-dynamic";

export const GET = routeHandler(catalogEndpoint);
