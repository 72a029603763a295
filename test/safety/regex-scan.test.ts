// Every regex in the shipped and local code is checked by recheck on every run (nothing cached): it must be
// linear, or carry a `// recheck: <why its input is bounded>` comment right above it. A regex recheck cannot
// decide within REGEX_TIMEOUT_MS ("unknown") counts as a finding too: it must be simplified or acknowledged.
import { checkSync, type Diagnostics } from "recheck";
import { beforeAll, describe, expect, it } from "vitest";
import { composedPatterns, type FoundRegExp, type Inventory, scanSources } from "./regex-inventory.ts";

/** Per regex; generous because the machine may be busy. The slowest safe pattern takes a few CPU seconds. */
const REGEX_TIMEOUT_MS = 60_000;

/** Findings still being rewritten; each must leave this list as soon as it is linear (the test says so). */
const PENDING = new Set<string>([
  "/(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s*)?\\b(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})\\b(?:,?\\s*(?:at\\s+|[-\u2013\u2014|\u00b7\u2022]\\s*)?(\\d{1,2})(?:[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?|\\s*([ap]\\.?m\\.?))(?![\\w]))?(?:\\s*\\(?(?:(gmt|utc)\\s*([+-\u2212]\\s*\\d{1,2}(?::?\\d{2})?)?|([+-\u2212]\\d{2}:?\\d{2})|([a-z]{1,5})\\b)\\)?)?/i",
  "/(?:(\\d{1,2})(?:[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?|\\s*([ap]\\.?m\\.?))(?![\\w])\\s*,?\\s*)?\\b(\\d{1,2})([./-])(\\d{1,2})\\7(\\d{4})\\b(?:,?\\s*(?:at\\s+)?(\\d{1,2})(?:[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?|\\s*([ap]\\.?m\\.?))(?![\\w]))?(?:\\s*\\(?(?:(gmt|utc)\\s*([+-\u2212]\\s*\\d{1,2}(?::?\\d{2})?)?|([+-\u2212]\\d{2}:?\\d{2})|([a-z]{1,5})\\b)\\)?)?/i",
  "/(\\d{1,2})(?:[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?|\\s*([ap]\\.?m\\.?))(?![\\w])\\s*(?:\\(?(?:(gmt|utc)\\s*([+-\u2212]\\s*\\d{1,2}(?::?\\d{2})?)?|([+-\u2212]\\d{2}:?\\d{2})|([a-z]{1,5})\\b)\\)?)?\\s*[,\u00b7|]?\\s*(?:on\\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s*)?(?:(\\d{1,2})\\s+(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)|(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)\\s+(\\d{1,2}))(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})\\b/i",
  "/<(\\/?)([A-Za-z][A-Za-z0-9-]{0,30})\\b[^<>]{0,2000}?(\\/?)>/g",
  "/<\\/?(?:p|div|br|h[1-6]|ul|ol|li|blockquote)\\b[^>]{0,200}>/i",
  "/<meta\\b[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([\\w.:-]{1,40})/i",
  "/[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63})+/",
  "/[^.\\n]*\\b(?:correction|an earlier version|corrected|incorrectly)\\b[^\\n]*/i",
  "/\\[[^\\]\\n]{1,200}\\]\\([^)\\s]{1,500}\\)/",
  "/\\[\\^[^\\]\\n]{1,50}\\]/g",
  "/\\b[Tt]he\\s+([a-z][a-z-]{3,})\\s+of\\s+((?:the\\s+)?(?:[\\p{L}][\\p{L}'\u2019-]*)(?:\\s+(?:the|of|[\\p{Lu}][\\p{L}'\u2019-]*)){0,3})/gu",
  "/\\bby\\s+(\\p{Lu}.{2,80})$/u",
  "/\\bby\\s+(\\p{Lu}[^\\n|]{2,60})$/u",
  "/\\s*(?:[|\u00b7\u2022\u2014\u2013]|\\s-\\s|,\\s*(?=(?:updated|published|posted)\\b))\\s*(?=.{0,40}(?:\\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|updated|published|posted))/i",
  "/\\s*[,;|\u00b7\u2022]\\s*|\\s+and\\s+|\\s*&\\s*/i",
  "/\\s+(?:on|in|at|during|via|late|early|last|this)\\s+(?:(?:the|a|an|his|her|their)\\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|month|year|x|twitter|facebook|instagram|telegram|tiktok|youtube|linkedin|television|tv|radio|podcast|interview|statement|briefing|speech|post|video|tweet|email|letter|call|conference|press conference|rally|hearing)\\b.*)$/i",
  "/\\s+(?:updated|published|posted)\\b.*$/i",
  "/^(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$/",
  "/^(?:contact|e-?mail|tel(?:ephone)?|phone|fax|whatsapp)\\s*(?:us|the (?:author|reporter|writer|newsroom|editor)s?)?\\s*:|^(?:to contact|reach the (?:author|reporter|writer)|have a (?:news )?tip|got a (?:news )?tip|send (?:us )?(?:your )?(?:news )?tips)\\b/i",
  "/^(?:\u00a9|\\(c\\)|copyright\\b)\\s*(?:\u00a9\\s*)?(?:\\d{4}(?:\\s*[-\u2013]\\s*\\d{4})?\\s*,?\\s*)?(?:by\\s+)?([^.\u00b7|,;\\n]{2,80}?)(?:\\s*(?:[.\u00b7|,;]|all rights|$))/i",
  "/^([A-Z][A-Z.'\u2019/\\- ]{1,40}?)(?:,\\s+[A-Z][A-Za-z.'\u2019\\- ]{1,30}?)?(?:,\\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2})(?:,\\s+(\\d{4}))?)?\\s*(?:\\(([^()\\n]{1,40})\\)|\\/([^/\\n]{1,40})\\/)?\\s*(?:\u2014|\u2015|\u2013|--|-)\\s+(?=[\\p{Lu}\\p{N}\"\u201c\u2018'\u00ab])/u",
  "/^About\\s+(?:the\\s+)?(?:us|\\p{Lu}[^.!?\\n]{0,70}?)\\s*:?$/u",
  "/^[[(]?\\s*(?:read (?:also|more|next)|also read|see also|related(?: (?:articles?|stories|coverage|content|reading|news|links?))?|more (?:on|about) (?:this|the) (?:story|topic|subject)|more from\\b.{0,40}|recommended(?: for you| reading)?|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|don['\u2019]?t miss|must read|further reading|latest (?:news|stories))\\s*[:\\-\u2013\u2014\u00bb\u203a]?\\s*[\\])]?$/i",
  "/^\\s*[-*] .+\\n\\s*[-*] /m",
  "/^\\s+(?:\\||\u2013|\u2014|-|::|\u00b7|\u00bb)\\s+(.{2,60})$/",
]);

let inventory: Inventory;
let composed: FoundRegExp[];

beforeAll(async () => {
  inventory = scanSources();
  composed = await composedPatterns(inventory);
}, 120_000);

function verdict(d: Diagnostics): string {
  if (d.status === "vulnerable") return `${d.complexity.type} (attack: ${d.attack.pattern})`;
  if (d.status === "unknown") return `unknown (${d.error.kind})`;
  return "safe";
}

describe("the regex inventory", () => {
  it("finds the literals in the sources", () => {
    expect(inventory.literals.length).toBeGreaterThan(300);
    expect(inventory.literals.every((r) => r.source.length > 0)).toBe(true);
  });

  it("builds every run-time RegExp through composeRegExp, once, at module level", () => {
    expect(inventory.bareConstructors).toEqual([]);
    expect(inventory.composeCalls.filter((c) => !c.moduleLevel).map((c) => c.site)).toEqual([]);
    expect([...new Set(composed.map((c) => c.site))].sort()).toEqual(inventory.composeCalls.map((c) => c.site).sort());
  });
});

describe("every regex", () => {
  it("is linear, or acknowledged with its bound", { timeout: 30 * 60_000 }, () => {
    const all = [...inventory.literals, ...composed];
    const verdicts = new Map<string, string>();
    const problems: string[] = [];
    for (const r of all) {
      const key = `/${r.source}/${r.flags}`;
      let v = verdicts.get(key);
      if (v === undefined) {
        v = verdict(checkSync(r.source, r.flags, { timeout: REGEX_TIMEOUT_MS }));
        verdicts.set(key, v);
      }
      if (PENDING.has(key)) {
        if (v === "safe") problems.push(`${r.site} ${key}: safe, remove it from PENDING`);
        continue;
      }
      if (v !== "safe" && !r.acknowledgement) problems.push(`${r.site} ${key}: ${v}`);
      if (v === "safe" && r.acknowledgement) problems.push(`${r.site} ${key}: safe, remove the // recheck: comment`);
    }
    for (const key of PENDING)
      if (!verdicts.has(key)) problems.push(`${key}: no longer in the code, remove it from PENDING`);
    expect(problems).toEqual([]);
  });
});
