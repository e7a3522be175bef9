import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

type CallScopeGlobals = { hostlaneWorkflowCallScope?: AsyncLocalStorage<AbortSignal> };
// NOTE: on globalThis: the executor and the client's fetch can be loaded by different bundles of one process.
const globals = globalThis as CallScopeGlobals;
const scope = (globals.hostlaneWorkflowCallScope ??= new AsyncLocalStorage<AbortSignal>());

/** Runs one SDK call with its abort signal visible to everything the call does (the client's fetch). */
export const runInCallScope = <T>(signal: AbortSignal, work: () => Promise<T>) => scope.run(signal, work);

/** The abort signal of the SDK call the current code runs inside, if any. */
export const currentCallSignal = () => scope.getStore();
