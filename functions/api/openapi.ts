// The OpenAPI 3.1 document, generated from the route table and the zod schemas (z.toJSONSchema): nothing in it is
// written by hand, so it cannot drift from what the API validates and returns.
import * as z from "zod";
import * as api from "../schemas/api.ts";
import { ArticleSubmission, UploadRequest } from "../schemas/api.ts";
import { Attribution, ClaimTime, Entity, Evidence } from "../schemas/claim.ts";
import {
  ArticleMetadata,
  ArticleRecord,
  ArticleSummary,
  ClaimRecord,
  ObjectSource,
  SpeakerSummary,
} from "../schemas/records.ts";
import type { ResponseDoc, Route } from "./router.ts";

type JsonSchema = Record<string, unknown>;

/** Schemas that get a name under components/schemas; anything else is inlined where it is used. */
const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
  ArticleSummary,
  ArticleRecord,
  ArticleMetadata,
  ObjectSource,
  ClaimRecord,
  Attribution,
  Evidence,
  ClaimTime,
  Entity,
  SpeakerSummary,
  ArticlePage: api.ArticlePage,
  ClaimPage: api.ClaimPage,
  SpeakerPage: api.SpeakerPage,
  AcceptedArticle: api.AcceptedArticle,
  UploadTicket: api.UploadTicket,
  Problem: api.Problem,
};
/** Request bodies are described as the client sends them (defaults optional, coercions as their input). */
const REQUEST_SCHEMAS: Record<string, z.ZodType> = { ArticleSubmission, UploadRequest };

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
}

export function buildOpenApiDocument(routes: Route[], info: DocumentInfo) {
  const names = new Map<z.ZodType, string>();
  const components: Record<string, JsonSchema> = {};
  for (const [schemas, io] of [
    [RESPONSE_SCHEMAS, "output"],
    [REQUEST_SCHEMAS, "input"],
  ] as const) {
    const registry = z.registry<{ id: string }>();
    for (const [name, schema] of Object.entries(schemas)) {
      registry.add(schema, { id: name });
      names.set(schema, name);
    }
    const converted = z.toJSONSchema(registry, {
      target: "draft-2020-12",
      io,
      uri: (id) => `#/components/schemas/${id}`,
    });
    for (const [name, schema] of Object.entries(converted.schemas)) components[name] = clean(schema as JsonSchema);
  }

  const schemaRef = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const name = names.get(schema);
    return name ? { $ref: `#/components/schemas/${name}` } : clean(z.toJSONSchema(schema, { io }) as JsonSchema);
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const operation: Record<string, unknown> = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
    };
    const parameters = [...parametersOf(r.params, "path"), ...parametersOf(r.query, "query")];
    if (parameters.length > 0) operation.parameters = parameters;
    if (r.requestBody) {
      operation.requestBody = {
        required: true,
        content: Object.fromEntries(
          r.requestBody.map((b) => [
            b.contentType,
            { schema: b.schema ? schemaRef(b.schema, "input") : { type: "string" }, description: b.description },
          ]),
        ),
      };
    }
    operation.responses = Object.fromEntries(
      Object.entries(r.responses).map(([status, doc]) => [
        status,
        {
          description: doc.description,
          ...(doc.headers
            ? {
                headers: Object.fromEntries(
                  Object.entries(doc.headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }]),
                ),
              }
            : {}),
          ...(doc.schema || doc.contentType
            ? {
                content: {
                  [doc.contentType ?? "application/json"]: {
                    schema: doc.schema ? schemaRef(doc.schema, "output") : {},
                    ...exampleOf(doc),
                  },
                  ...Object.fromEntries(
                    (doc.alternatives ?? []).map((a) => [
                      a.contentType,
                      {
                        schema: a.schema ? schemaRef(a.schema, "output") : {},
                        ...exampleOf({ description: "", ...a }),
                      },
                    ]),
                  ),
                },
              }
            : {}),
        },
      ]),
    );
    paths[r.path] ??= {};
    paths[r.path]![r.method.toLowerCase()] = operation;
  }

  return {
    openapi: "3.1.0",
    info,
    paths,
    components: { schemas: components },
  };
}

/** The response's example: its own, or the first its schema carries. */
function exampleOf(doc: ResponseDoc): { example?: unknown } {
  if (doc.example !== undefined) return { example: doc.example };
  const examples = doc.schema ? z.globalRegistry.get(doc.schema)?.examples : undefined;
  return Array.isArray(examples) && examples.length > 0 ? { example: examples[0] } : {};
}

/** One OpenAPI parameter per field of a path or query object schema. */
function parametersOf(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const json = withoutNull(clean(z.toJSONSchema(field, { io: "input" }) as JsonSchema));
    const { description, examples: converted, ...rest } = json;
    // A preprocessed field (a decimal integer) loses its meta in the conversion: read it from the registry.
    const examples = converted ?? z.globalRegistry.get(field)?.examples;
    return {
      name,
      in: location,
      required: location === "path" || !field.safeParse(undefined).success,
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
      // The schema's first example (`.meta({ examples })`), as the parameter's: what Swagger UI fills in.
      ...(Array.isArray(examples) && examples.length > 0 ? { example: examples[0] } : {}),
    };
  });
}

/**
 * A parameter's value is a string or absent, never JSON null: `nullish()` fields (shared with JSON bodies) are
 * documented as their non-null type.
 */
function withoutNull(schema: JsonSchema): JsonSchema {
  const { anyOf, ...rest } = schema;
  if (!Array.isArray(anyOf)) return schema;
  const kept = (anyOf as JsonSchema[]).filter((branch) => branch.type !== "null");
  return kept.length === 1 ? { ...kept[0], ...rest } : { ...rest, anyOf: kept };
}

/** Drops what belongs to standalone JSON Schema documents, not to schemas embedded in OpenAPI. */
function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}
