// Short references made explicit: "the coalition" → "the coalition of the willing", "the conference" → "the
// Ukraine Recovery Conference", using the fuller phrase the article used earlier for the same head noun.

interface Mention {
  /** The fuller phrase, as written ("coalition of the willing", "Ukraine Recovery Conference"). */
  phrase: string;
  /** Offset in the article text where it was first used. */
  at: number;
}

// "the <noun> of [the] <up to four words>" (lower or upper case) and "<Capitalised …> <Noun>" names.
// recheck: times out; each attempt starts at a word "the", reads one word, spaces and "of", and cannot fail after.
const OF_PHRASE =
  /\b[Tt]he\s+([a-z][a-z-]{3,})\s+of\s+((?:the\s+)?(?:[\p{L}][\p{L}'’-]*)(?:\s+(?:the|of|[\p{Lu}][\p{L}'’-]*)){0,3})/gu;
// A name starts where no letter precedes it: `\b` is ASCII-only even with /u, so on a run of letters such as
// "AÀAÀ…" it would start an attempt at every other letter, each scanning to the end of the run (quadratic).
// recheck: attempts start only where no letter precedes and read at most four words; linear in V8 on its attack.
const NAMED = /(?<![\p{L}\p{N}_'’-])((?:[\p{Lu}][\p{L}'’-]+\s+){1,3})([\p{Lu}][a-z]{3,})\b/gu;
/** Heads too generic to expand ("the end of the year", "the rest of the country"). */
const GENERIC = new Set(
  `end rest part start beginning middle number lot kind sort type side top bottom front back case use form way
  state head chief leader member members time times day week month year years people group majority minority
  issue issues question matter point area areas level levels amount size scope result results`.split(/\s+/),
);

export class ShortReferences {
  private readonly byHead = new Map<string, Mention>();

  constructor(text: string) {
    for (const m of text.matchAll(OF_PHRASE)) {
      const head = m[1]!.toLowerCase();
      const tail = m[2]!.replace(/(?<!\s)\s+(?:the|of)$/i, "");
      if (GENERIC.has(head)) continue;
      this.remember(head, `${m[1]} of ${tail}`, m.index);
    }
    for (const m of text.matchAll(NAMED)) {
      const head = m[2]!.toLowerCase();
      if (GENERIC.has(head)) continue;
      const phrase = `${m[1]}${m[2]}`.trim().replace(/^(?:The|A|An)\s+/, "");
      if (phrase.toLowerCase() !== head) this.remember(head, phrase, m.index);
    }
  }

  private remember(head: string, phrase: string, at: number): void {
    if (!this.byHead.has(head)) this.byHead.set(head, { phrase, at });
  }

  /** The claim text with a leading "The <noun>" expanded, when the article named it more fully before `position`. */
  expand(claimText: string, position: number): string {
    const m = claimText.match(/^The ([a-z][a-z-]{3,})\b(?!\s+(?:of|'s|’s)\b)/);
    if (!m) return claimText;
    const mention = this.byHead.get(m[1]!);
    if (!mention || mention.at >= position) return claimText;
    return `The ${mention.phrase}${claimText.slice(m[0].length)}`;
  }
}
