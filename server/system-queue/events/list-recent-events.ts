import "server-only";
import { db, type DbClient } from "@/server/db";

export type TQueueEvent = {
  id: string;
  /** The sender's id (deduplicated for 24 h), when it gave one. */
  externalId: string | null;
  name: string;
  data: unknown;
  receivedAt: Date;
};

// NOTE: every finished run emits `inngest/function.finished` (and failed or cancelled runs one more), so
// without this filter the executor's own bookkeeping would crowd out the events the app sent.
const INTERNAL_EVENT_PREFIX = "inngest/";

/** The latest events the executor received, newest first. */
export const listRecentEvents = async (
  { limit, includeInternal }: { limit: number; includeInternal: boolean },
  client: DbClient = db,
): Promise<TQueueEvent[]> =>
  client.inngestEvent.findMany({
    where: includeInternal ? {} : { NOT: { name: { startsWith: INTERNAL_EVENT_PREFIX } } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, externalId: true, name: true, data: true, receivedAt: true },
  });
