import { handler } from "@/server/workflows/handler";

export const { GET, POST, PUT } = handler;
export const dynamic = "force-dynamic";
