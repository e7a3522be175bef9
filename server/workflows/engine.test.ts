import { describe, expect, it } from "vitest";
import { workflowEngine } from "./engine";

describe("workflowEngine", () => {
  it.each([
    { environment: {}, expected: "embedded" },
    { environment: { INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "signkey-prod-ab" }, expected: "inngest" },
    { environment: { INNGEST_SIGNING_KEY: "signkey-prod-ab" }, expected: "embedded" /* a signing key alone: HTTP transport */ },
    { environment: { WORKFLOW_ENGINE: "embedded", INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "k" }, expected: "embedded" },
    { environment: { WORKFLOW_ENGINE: "inngest" }, expected: "inngest" },
  ])("$environment → $expected", ({ environment, expected }) => {
    expect(workflowEngine(environment as NodeJS.ProcessEnv)).toBe(expected);
  });
});
