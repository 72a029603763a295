// A small evaluator for the part of Velocity (VTL) that API Gateway's mapping templates use here: text with
// references (`$context.error.message`, `${context.path}`), method calls on them with string-literal arguments,
// `$util.escapeJavaScript(…)` and Java's `String.replaceAll`. Anything outside that subset (directives, comments,
// an unknown reference or method) throws, so a template the evaluator cannot read fails its test instead of being
// rendered some other way than API Gateway would.

/** What a reference can name: nested objects of strings, or functions (methods). */
export type VtlValue = string | number | boolean | VtlObject | ((...args: string[]) => string);
export interface VtlObject {
  [name: string]: VtlValue;
}

/**
 * `$util.escapeJavaScript` as API Gateway documents it ("escapes the characters in a string using JavaScript string
 * rules", turning `'` into `\'`): Apache Commons Lang's `escapeJavaScript`, which it runs on. Per UTF-16 unit:
 * `'` `"` `\` `/` get a backslash; backspace, tab, newline, form feed and carriage return their short escapes;
 * other units below 0x20 and every unit above 0x7E `\uXXXX` in upper-case hex (so a surrogate pair becomes two).
 */
export function escapeJavaScript(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const ch = value[i]!;
    if (unit > 0x7f) out += `\\u${unit.toString(16).toUpperCase().padStart(4, "0")}`;
    else if (unit < 0x20) out += SHORT_ESCAPES[ch] ?? `\\u${unit.toString(16).toUpperCase().padStart(4, "0")}`;
    else if (ch === "'" || ch === '"' || ch === "\\" || ch === "/") out += `\\${ch}`;
    else out += ch;
  }
  return out;
}
const SHORT_ESCAPES: Record<string, string> = { "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r" };

/**
 * Java's `String.replaceAll(regex, replacement)`: every match of the regex (Java and JavaScript agree on the
 * patterns used here) is replaced; in the replacement `$n` is a group and a backslash makes the next character
 * literal.
 */
export function javaReplaceAll(value: string, regex: string, replacement: string): string {
  const pattern = new RegExp(regex, "g");
  return value.replace(pattern, (...match: unknown[]) => {
    let out = "";
    for (let i = 0; i < replacement.length; i++) {
      const ch = replacement[i]!;
      if (ch === "\\") {
        i++;
        if (i >= replacement.length) throw new Error("replaceAll: character to be escaped is missing");
        out += replacement[i];
      } else if (ch === "$") {
        const digits = /^\d+/.exec(replacement.slice(i + 1))?.[0];
        if (!digits) throw new Error("replaceAll: illegal group reference");
        out += (match[Number(digits)] as string | undefined) ?? "";
        i += digits.length;
      } else out += ch;
    }
    return out;
  });
}

/** The methods a string has in the templates (Java's String, as far as it is used). */
const STRING_METHODS: Record<string, (self: string, ...args: string[]) => string> = {
  replaceAll: (self, regex, replacement) => javaReplaceAll(self, regex!, replacement!),
};

/** Renders `template` with `variables` as the top-level references (`context`, `util`, ...). */
export function renderVtl(template: string, variables: VtlObject): string {
  const parser = new Parser(template, variables);
  return parser.render();
}

class Parser {
  private pos = 0;
  private readonly src: string;
  private readonly variables: VtlObject;
  constructor(src: string, variables: VtlObject) {
    this.src = src;
    this.variables = variables;
  }

  render(): string {
    let out = "";
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === "$" && /[{a-zA-Z]/.test(this.src[this.pos + 1] ?? "")) out += this.reference();
      else if (ch === "#" && /[a-zA-Z{#*@]/.test(this.src[this.pos + 1] ?? "")) {
        throw new Error(
          `unsupported VTL directive or comment at ${this.pos}: ${this.src.slice(this.pos, this.pos + 20)}`,
        );
      } else if (ch === "\\" && /[$#]/.test(this.src[this.pos + 1] ?? "")) {
        throw new Error(`unsupported VTL escape at ${this.pos}`);
      } else {
        out += ch;
        this.pos++;
      }
    }
    return out;
  }

  /** `$a.b.c(args).d(args)` or `${a.b}`, evaluated to a string. */
  private reference(): string {
    this.pos++; // $
    const braced = this.src[this.pos] === "{";
    if (braced) this.pos++;
    const name = this.identifier();
    let value: VtlValue | undefined = this.variables[name];
    let path = name;
    if (value === undefined) throw new Error(`unknown reference $${path}`);
    while (this.src[this.pos] === "." && /[a-zA-Z_]/.test(this.src[this.pos + 1] ?? "")) {
      this.pos++;
      const member = this.identifier();
      path += `.${member}`;
      if (this.src[this.pos] === "(") {
        const args = this.arguments();
        value = this.call(value, member, args, path);
      } else {
        if (typeof value !== "object") throw new Error(`$${path}: ${typeof value} has no property ${member}`);
        value = value[member];
        if (value === undefined) throw new Error(`unknown reference $${path}`);
      }
    }
    if (braced) {
      if (this.src[this.pos] !== "}") throw new Error(`unclosed \${ at ${this.pos}`);
      this.pos++;
    }
    if (typeof value === "object" || typeof value === "function") throw new Error(`$${path} is not a value`);
    return String(value);
  }

  private call(target: VtlValue, method: string, args: string[], path: string): string {
    if (typeof target === "string") {
      const fn = STRING_METHODS[method];
      if (!fn) throw new Error(`$${path}: strings have no method ${method} here`);
      return fn(target, ...args);
    }
    const fn = typeof target === "object" ? target[method] : undefined;
    if (typeof fn !== "function") throw new Error(`$${path} is not a method`);
    return fn(...args);
  }

  private identifier(): string {
    const match = /^[a-zA-Z][a-zA-Z0-9_-]*/.exec(this.src.slice(this.pos));
    if (!match) throw new Error(`expected a name at ${this.pos}`);
    // A trailing dash belongs to the text, not the name (Velocity allows dashes inside names only).
    const name = match[0].replace(/-+$/, "");
    this.pos += name.length;
    return name;
  }

  /** `( arg, arg )`: string literals (taken as written: VTL does not process backslashes in them) or references. */
  private arguments(): string[] {
    this.pos++; // (
    const args: string[] = [];
    for (;;) {
      this.skipSpaces();
      const ch = this.src[this.pos];
      if (ch === ")") {
        this.pos++;
        return args;
      }
      if (args.length > 0) {
        if (ch !== ",") throw new Error(`expected , or ) at ${this.pos}`);
        this.pos++;
        this.skipSpaces();
      }
      const quote = this.src[this.pos];
      if (quote === '"' || quote === "'") {
        const end = this.src.indexOf(quote, this.pos + 1);
        if (end < 0) throw new Error(`unclosed string literal at ${this.pos}`);
        const literal = this.src.slice(this.pos + 1, end);
        // A double-quoted literal would interpolate references; none of the templates needs that.
        if (quote === '"' && /[$#]/.test(literal)) throw new Error(`unsupported interpolation in "${literal}"`);
        args.push(literal);
        this.pos = end + 1;
      } else if (quote === "$") args.push(this.reference());
      else throw new Error(`unsupported argument at ${this.pos}: ${this.src.slice(this.pos, this.pos + 20)}`);
    }
  }

  private skipSpaces(): void {
    while (this.src[this.pos] === " ") this.pos++;
  }
}
