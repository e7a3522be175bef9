import { routeHandler } from "@/server/api/define-endpoint";
import { quoteEndpoint } from "@/server/api/v1-endpoints";

export const dynamic = "force-dynamic";

export const POST = routeHandler(quoteEndpoint);
