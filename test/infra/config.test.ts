// The deploy switches: safe production defaults, development stages recognised, CLI strings accepted and
// bad values refused with a message that names the key.
import { describe, expect, it } from "vitest";
import { API_RESERVED_CONCURRENCY, readDeployConfig } from "../../infra/config.ts";

const ORIGIN = "https://desk.example.org";
/** The context as `cdk -c` gives it; deployments name their CORS origin, so it is there unless a test removes it. */
const lookup = (context: Record<string, unknown>) => (key: string) => ({ corsAllowOrigin: ORIGIN, ...context })[key];

describe("readDeployConfig", () => {
  it("defaults to a retained, IAM-authorized production stage", () => {
    const config = readDeployConfig(lookup({}));
    expect(config).toMatchObject({
      stage: "prod",
      isDevelopment: false,
      apiKeys: false,
      corsAllowOrigin: ORIGIN,
      alarmEmail: undefined,
      logRetentionDays: 30,
      ingestPrefix: "incoming/",
      maxArticleBytes: 5 * 1024 * 1024,
      apiReservedConcurrency: API_RESERVED_CONCURRENCY,
    });
  });

  it("requires the CORS origin, naming the switch and how to allow any origin, in one line", () => {
    const refusal = () => readDeployConfig(lookup({ stage: "dev", corsAllowOrigin: undefined }));
    expect(refusal).toThrow(/^invalid CDK context: corsAllowOrigin is required: pass -c corsAllowOrigin=https:[^\n]*$/);
    expect(refusal).toThrow("-c corsAllowOrigin='*'");
    // Any origin only when asked for; with the web app, the app's own origin is the API's.
    expect(readDeployConfig(lookup({ corsAllowOrigin: "*" })).corsAllowOrigin).toBe("*");
    expect(readDeployConfig(lookup({ webApp: "true", corsAllowOrigin: undefined })).corsAllowOrigin).toBeUndefined();
  });

  it("reads apiReservedConcurrency as a whole number of executions", () => {
    expect(readDeployConfig(lookup({ apiReservedConcurrency: "5" })).apiReservedConcurrency).toBe(5);
  });

  it("treats only dev and dev-<name> as disposable development stages", () => {
    const stages = ["dev", "dev-alice", "devops", "staging", "prod", "test"];
    const development = stages.filter((stage) => readDeployConfig(lookup({ stage })).isDevelopment);
    expect(development).toEqual(["dev", "dev-alice"]);
  });

  it("accepts the strings `cdk deploy -c key=value` passes", () => {
    const config = readDeployConfig(
      lookup({ apiKeys: "true", logRetentionDays: "90", throttleRateLimit: "5", throttleBurstLimit: "10" }),
    );
    expect(config.apiKeys).toBe(true);
    expect(config.logRetentionDays).toBe(90);
    expect(config.throttleRateLimit).toBe(5);
    expect(readDeployConfig(lookup({ apiKeys: "false" })).apiKeys).toBe(false);
  });

  it.each([
    [{ stage: "Prod!" }, /stage/],
    [{ apiKeys: "yes" }, /apiKeys/],
    [{ logRetentionDays: 31 }, /logRetentionDays must be one of/],
    [{ corsAllowOrigin: "example.org/path" }, /corsAllowOrigin/],
    [{ alarmEmail: "not-an-address" }, /alarmEmail/],
    [{ ingestMaxConcurrency: 1 }, /ingestMaxConcurrency/],
    [{ apiReservedConcurrency: 0 }, /apiReservedConcurrency/],
    [{ corsAllowOrigin: "" }, /corsAllowOrigin/],
    [{ throttleRateLimit: 100, throttleBurstLimit: 10 }, /throttleBurstLimit must be at least/],
  ])("refuses %j", (context, message) => {
    expect(() => readDeployConfig(lookup(context))).toThrow(message);
  });
});
