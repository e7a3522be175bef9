import { z } from "zod";
import { ZRecordId } from "@/server/validation/safe-text";

export const ZMailIdInput = z.object({ mailId: ZRecordId });
