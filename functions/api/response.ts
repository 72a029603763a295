// The handler's responses (API Gateway REST proxy format) and the few ways routes build them.

export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return {
    statusCode,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(body),
  };
}

export function html(body: string): ApiResponse {
  return { statusCode: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body };
}

/** 202 without a body: the work goes on elsewhere; `Location` is where to watch it. */
export function accepted(location: string): ApiResponse {
  return { statusCode: 202, headers: { Location: location }, body: "" };
}
