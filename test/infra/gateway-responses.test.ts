// API Gateway's own errors (validation, authorization, throttling, unknown routes) are rendered from the mapping
// templates of the synthesized stack. Each template is evaluated here, as API Gateway's VTL would, with hostile
// values in every `$context` variable it reads (quotes, backslashes, newlines, `</script>`, unicode, lone
// surrogates, very long strings, and anything fast-check generates); the output must parse as JSON, be a
// problem+json document with the response's status, and carry each value back unchanged.
import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Problem } from "../../functions/schemas/api.ts";
import { GATEWAY_PROBLEMS, problemTemplate } from "../../infra/constructs/claims-api.ts";
import { describeSynth, HANDLERS_READY, type Synthesized, synthesize } from "./support/synth.ts";
import { escapeJavaScript, renderVtl, type VtlObject } from "./support/vtl.ts";

// No bundling: only the templates matter here.
let s: Synthesized;
beforeAll(() => {
  if (HANDLERS_READY) s = synthesize({ "aws:cdk:bundling-stacks": [] });
});
afterAll(() => s?.cleanup());

interface GatewayResponse {
  type: string;
  statusCode: string | undefined;
  template: string;
}

function gatewayResponses(): GatewayResponse[] {
  return Object.values(s.serviceJson.Resources)
    .filter((r) => r.Type === "AWS::ApiGateway::GatewayResponse")
    .map((r) => ({
      type: r.Properties!.ResponseType as string,
      statusCode: r.Properties!.StatusCode as string | undefined,
      template: (r.Properties!.ResponseTemplates as Record<string, string>)["application/json"]!,
    }));
}

/** The status API Gateway answers a response type with when its gateway response sets none. */
const DEFAULT_STATUS = new Map(GATEWAY_PROBLEMS.map(([type, status]) => [type.responseType, status]));

/** The `$context` variables a template reads, as dotted paths under `context`. */
function contextVariables(template: string): string[] {
  return [...new Set([...template.matchAll(/\$\{?context\.([a-zA-Z.]+[a-zA-Z])/g)].map((m) => m[1]!))];
}

/** `{ "error.message": "x" }` → `{ error: { message: "x" } }`. */
function nest(values: Record<string, string>): VtlObject {
  const root: VtlObject = {};
  for (const [path, value] of Object.entries(values)) {
    const parts = path.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as VtlObject;
    }
    node[parts.at(-1)!] = value;
  }
  return root;
}

function render(template: string, values: Record<string, string>): string {
  return renderVtl(template, { context: nest(values), util: { escapeJavaScript } });
}

const HOSTILE = [
  'a "quoted" value',
  "it's O'Brien's",
  "\\' a backslash before a quote",
  "back\\slash \\\\ and \\u0041 and \\n",
  "line one\nline two\r\n\ttabbed",
  "</script><script>alert(1)</script>",
  '"}, "status": 200, "x": "',
  "nul \u0000 bell \u0007 escape \u001b del \u007f",
  "Zelenskyy — Зеленський — 泽连斯基 — 🇺🇦 — e\u0301",
  "separators \u2028 and \u2029",
  "a lone surrogate \ud800 and \udfff",
  "$context.requestId #if(true) $!{x} ## not a comment",
  "",
  "x".repeat(100_000),
  `${"\"'\\\n</script>🙂".repeat(10_000)}`,
];

function expectProblem(response: GatewayResponse, values: Record<string, string>): void {
  const output = render(response.template, values);
  let body: unknown;
  expect(
    () => {
      body = JSON.parse(output);
    },
    `${response.type}: ${output.slice(0, 200)}`,
  ).not.toThrow();
  const problem = Problem.parse(body);
  const status = response.statusCode ? Number(response.statusCode) : DEFAULT_STATUS.get(response.type);
  expect(problem.status, response.type).toBe(status);
  expect(problem.type).toBe("about:blank");
  // Every interpolated value arrives as it was.
  const detailVariable = contextVariables(response.template).find((v) => v.startsWith("error."));
  if (detailVariable) expect(problem.detail).toBe(values[detailVariable]);
  if ("path" in values) expect(problem.instance).toBe(values.path);
}

describeSynth("gateway responses", () => {
  it("covers every response type API Gateway has, each with a problem+json template", () => {
    const types = gatewayResponses().map((r) => r.type);
    expect([...types].sort()).toEqual([...DEFAULT_STATUS.keys()].sort());
    // The catch-alls state their status, so the body's status is the status sent.
    for (const r of gatewayResponses().filter((r) => r.type.startsWith("DEFAULT_"))) {
      expect(r.statusCode, r.type).toBe(String(DEFAULT_STATUS.get(r.type)));
    }
  });

  it("escapes every interpolated $context value", () => {
    for (const { type, template } of gatewayResponses()) {
      const interpolations = [...template.matchAll(/\$\{?[a-zA-Z]/g)].length;
      const escaped = [...template.matchAll(/\$util\.escapeJavaScript\(\$context\.[a-zA-Z.]+\)/g)].length;
      expect(escaped, type).toBeGreaterThan(0);
      // Each $util call wraps exactly one $context reference, and there is no other reference.
      expect(interpolations, type).toBe(2 * escaped);
    }
  });

  it("renders valid problem+json for hostile values in every $context variable", () => {
    for (const response of gatewayResponses()) {
      const variables = contextVariables(response.template);
      expect(variables.length, response.type).toBeGreaterThan(0);
      for (const hostile of HOSTILE) {
        // Each variable hostile on its own, then all of them at once.
        for (const variable of variables) {
          const values = Object.fromEntries(variables.map((v) => [v, v === variable ? hostile : "benign"]));
          expectProblem(response, values);
        }
        expectProblem(response, Object.fromEntries(variables.map((v) => [v, hostile])));
      }
    }
  });

  it("renders valid problem+json for any generated strings", () => {
    const responses = gatewayResponses();
    const anyString = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({
        unit: fc.constantFrom("'", '"', "\\", "/", "\n", "<", ">", "$", "#", "\u2028", "\ud83d"),
        maxLength: 60,
      }),
      fc.constantFrom(...HOSTILE.filter((h) => h.length < 1000)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...responses), fc.array(anyString, { minLength: 8, maxLength: 8 }), (r, strings) => {
        const values = Object.fromEntries(contextVariables(r.template).map((v, i) => [v, strings[i]!]));
        expectProblem(r, values);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the VTL evaluator", () => {
  it("escapes as API Gateway documents: quotes, slashes and non-ASCII escaped, `'` as \\'", () => {
    expect(escapeJavaScript(`It's "x"/y\\z\n\t\u0001é🙂`)).toBe(
      `It\\'s \\"x\\"\\/y\\\\z\\n\\t\\u0001\\u00E9\\uD83D\\uDE42`,
    );
  });

  it("would catch a template that leaves the escaped quote in place or does not escape at all", () => {
    const values = { "error.message": 'it\'s "broken"', path: "/x", requestId: "r" };
    const withoutReplace = problemTemplate(400, false).replaceAll(`.replaceAll("\\\\'","'")`, "");
    expect(withoutReplace).not.toBe(problemTemplate(400, false));
    expect(() => JSON.parse(render(withoutReplace, values))).toThrow();
    const unescaped = '{"status":400,"detail":"$context.error.message"}';
    expect(() => JSON.parse(render(unescaped, values))).toThrow();
    expect(() => render('{"detail":"$context.error.unknown"}', values)).toThrow(/unknown reference/);
    expect(() => render("#if($x)x#end", values)).toThrow(/directive/);
  });
});
