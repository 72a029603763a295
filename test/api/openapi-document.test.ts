// The OpenAPI document is complete enough to use without reading the code: every operation and parameter has a
// description and a type, every response with a body an example, the claim's fields say what they mean — and every
// example is valid for its schema (the zod schema it was generated from parses it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import * as apiSchemas from "../../functions/schemas/api.ts";
import * as claimSchemas from "../../functions/schemas/claim.ts";
import * as recordSchemas from "../../functions/schemas/records.ts";
import { type RunningApi, startApi } from "./harness.ts";

interface Parameter {
  name: string;
  in: string;
  description?: string;
  schema: Record<string, unknown>;
  example?: unknown;
}
interface MediaType {
  schema: Record<string, unknown>;
  example?: unknown;
}
interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

/** The zod schemas by the names the document's components have (each component is the export of that name). */
const ZOD_SCHEMAS = new Map<string, z.ZodType>(
  Object.entries<unknown>({ ...claimSchemas, ...recordSchemas, ...apiSchemas }).filter(
    (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
  ),
);

let api: RunningApi;
let doc: Document;
beforeAll(async () => {
  api = await startApi();
  doc = (await api.call("GET", "/openapi.json")).json as Document;
});
afterAll(async () => {
  await api.stop();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })),
  );

describe("the OpenAPI document", () => {
  it("describes every operation", () => {
    expect(operations().length).toBeGreaterThan(10);
    for (const { where, op } of operations()) {
      expect(op.summary, where).toMatch(/\w/);
      expect(op.description, where).toMatch(/\w{3}.*\w{3}/);
    }
  });

  it("types and describes every parameter", () => {
    let count = 0;
    for (const { where, op } of operations()) {
      for (const p of op.parameters ?? []) {
        count++;
        expect(p.description, `${where} ${p.in} ${p.name}`).toMatch(/\w{3}/);
        // A concrete type (or a closed set of values), never "any" and never JSON null: a parameter is a string.
        const type = p.schema.type ?? (p.schema.enum ? "enum" : undefined);
        expect(type, `${where} ${p.name}: ${JSON.stringify(p.schema)}`).toMatch(/^(string|integer|number|enum)$/);
        expect(JSON.stringify(p.schema), `${where} ${p.name}`).not.toContain('"null"');
        // An example a client can send as it is: one of the closed set, or a value of the type.
        expect(p.example, `${where} ${p.in} ${p.name}: no example`).toBeDefined();
        if (Array.isArray(p.schema.enum)) expect(p.schema.enum, `${where} ${p.name}`).toContain(p.example);
        else if (type === "string") expect(typeof p.example, `${where} ${p.name}`).toBe("string");
        else expect(typeof p.example, `${where} ${p.name}`).toBe("number");
      }
    }
    expect(count).toBeGreaterThan(20);
  });

  it("gives every response with a body an example that its schema accepts", () => {
    let checked = 0;
    for (const { where, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.description, `${where} ${status}`).toMatch(/\w/);
        for (const [type, media] of Object.entries(response.content ?? {})) {
          const at = `${where} ${status} ${type}`;
          expect(media.example, at).toBeDefined();
          const ref = media.schema.$ref as string | undefined;
          if (!ref) continue;
          const schema = ZOD_SCHEMAS.get(ref.split("/").pop()!);
          expect(schema, `${at}: no zod schema for ${ref}`).toBeDefined();
          const parsed = schema!.safeParse(media.example);
          expect(parsed.success, `${at}: ${parsed.error?.message}`).toBe(true);
          if (status !== "200" && status !== "202") {
            const problem = media.example as { status: number; detail: string };
            expect(problem.status).toBe(Number(status));
            // Problems read as sentences.
            expect(problem.detail, at).toMatch(/^[A-Z].*[.!?]$/);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("says what each of a claim's attribution, certainty and time fields means", () => {
    const { Attribution, ClaimRecord, ClaimTime } = doc.components.schemas;
    const described = (schema: Record<string, unknown> | undefined, field: string) =>
      ((schema?.properties ?? {}) as Record<string, { description?: string }>)[field]?.description ?? "";
    for (const field of ["via", "reportedBy", "cue", "kind", "speakerType", "speaker", "anonymous"]) {
      expect(described(Attribution, field), field).toMatch(/\w+ \w+ \w+/);
    }
    for (const field of ["certainty", "time", "polarity", "evidence", "text", "entities"]) {
      if (field === "evidence") continue; // a $ref: the Evidence component carries the description
      expect(described(ClaimRecord, field), field).toMatch(/\w+ \w+ \w+/);
    }
    expect(doc.components.schemas.Evidence?.description).toMatch(/verbatim/);
    for (const field of ["text", "start", "end"]) expect(described(ClaimTime, field), field).toMatch(/\w+ \w+/);
    // FactBank's scale, with what each value means.
    expect(described(ClaimRecord, "certainty")).toMatch(/certain.*probable.*possible/);
  });

  it("keeps an example on every component that has one in its zod schema", () => {
    for (const name of ["ClaimRecord", "ArticleRecord", "ClaimPage", "SpeakerPage", "UploadTicket"]) {
      const examples = doc.components.schemas[name]?.examples as unknown[] | undefined;
      expect(examples?.length, name).toBe(1);
      expect(ZOD_SCHEMAS.get(name)!.safeParse(examples![0]).success, name).toBe(true);
    }
  });
});
