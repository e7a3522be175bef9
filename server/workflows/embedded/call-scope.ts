import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { CheckpointScope } from "./checkpoint";

/** What one SDK call carries into everything it does: its abort signal and, when it may checkpoint, where to. */
export type CallScope = { signal: AbortSignal; checkpoint?: CheckpointScope };

type CallScopeGlobals = { hostlaneWorkflowCallScope?: AsyncLocalStorage<CallScope> };
// NOTE: on globalThis: the executor and the client's fetch can be loaded by different bundles of one process.
const globals = globalThis as CallScopeGlobals;
const scope = (globals.hostlaneWorkflowCallScope ??= new AsyncLocalStorage<CallScope>());

/** Runs one SDK call with its scope visible to everything the call does (the client's fetch). */
export const runInCallScope = <T>(callScope: CallScope, work: () => Promise<T>) => scope.run(callScope, work);

/** The scope of the SDK call the current code runs inside, if any. */
export const currentCallScope = () => scope.getStore();

/** The abort signal of the SDK call the current code runs inside, if any. */
export const currentCallSignal = () => scope.getStore()?.signal;
