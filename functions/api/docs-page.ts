// GET /docs: the OpenAPI document rendered as one self-contained HTML page (no scripts, nothing fetched from
// elsewhere, so it works offline and on the local stack).

type Json = Record<string, unknown>;

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: Json }[];
  requestBody?: { content: Record<string, { schema: Json; description?: string }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Json }> }>;
}

export interface RenderableDocument {
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Json> };
}

export function renderDocsPage(doc: RenderableDocument): string {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => renderOperation(method, path, op as Operation)),
  );
  const schemas = Object.entries(doc.components.schemas).map(
    ([name, schema]) =>
      `<details id="schema-${esc(name)}"><summary><code>${esc(name)}</code></summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1c1c1c}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f5;padding:.75rem;overflow:auto}
section{border-top:1px solid #ddd;padding:1rem 0}.m{display:inline-block;min-width:4.5rem;font-weight:700}
.get{color:#0a6}.post{color:#06c}.delete{color:#c30}table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;vertical-align:top}
</style>
</head>
<body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)}</p>
<p>The machine-readable document: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
${operations.join("\n")}
<h2>Schemas</h2>
${schemas.join("\n")}
</body>
</html>
`;
}

function renderOperation(method: string, path: string, op: Operation): string {
  const params = op.parameters?.length
    ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th></th></tr>${op.parameters
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code>${p.required ? " (required)" : ""}</td><td>${esc(p.in)}</td><td>${typeOf(p.schema)}</td><td>${esc(p.description ?? "")}</td></tr>`,
        )
        .join("")}</table>`
    : "";
  const body = op.requestBody
    ? `<h4>Request body</h4><ul>${Object.entries(op.requestBody.content)
        .map(([type, c]) => `<li><code>${esc(type)}</code>: ${typeOf(c.schema)} ${esc(c.description ?? "")}</li>`)
        .join("")}</ul>`
    : "";
  const responses = `<h4>Responses</h4><ul>${Object.entries(op.responses)
    .map(([status, r]) => {
      const content = Object.entries(r.content ?? {})
        .map(([type, c]) => ` <code>${esc(type)}</code> ${typeOf(c.schema)}`)
        .join("");
      return `<li><b>${esc(status)}</b> ${esc(r.description)}${content}</li>`;
    })
    .join("")}</ul>`;
  return `<section id="${esc(op.operationId)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ""}
${params}${body}${responses}
</section>`;
}

function typeOf(schema: Json): string {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").pop()!;
    return `<a href="#schema-${esc(name)}"><code>${esc(name)}</code></a>`;
  }
  if (Array.isArray(schema.enum)) return `<code>${esc(schema.enum.join(" | "))}</code>`;
  return `<code>${esc(String(schema.type ?? schema.format ?? "any"))}</code>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
