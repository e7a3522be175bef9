import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

// The System Queue's DTOs as the browser receives them (superjson keeps Dates). They are the explicit
// shapes the server's queries return, never Prisma rows.
type Outputs = inferRouterOutputs<AppRouter>["systemQueue"];
type Inputs = inferRouterInputs<AppRouter>["systemQueue"];

export type TRunsPage = Outputs["listRuns"];
export type TRunSummary = TRunsPage["runs"][number];
export type TRunStatusCounts = Outputs["countRuns"];
export type TFunctionOption = Outputs["listFunctions"][number];
export type TRunDetail = Outputs["getRun"];
export type TRunStep = TRunDetail["steps"][number];
export type TRunJob = TRunDetail["jobs"][number];
export type TSchedule = Outputs["listSchedules"][number];
export type TQueueEvent = Outputs["listRecentEvents"][number];
export type TListRunsFilters = Inputs["listRuns"];
