// Who a speaker phrase refers to: names resolved to their full form, pronouns and short descriptions ("the
// official", "the office") to the speaker they stand for, and the document-level "Source:" line.
import type { SpeakerType } from "../../schemas/claim.ts";
import { channelOf, isMediaName } from "./lexicon/channels.ts";
import { FINDING_NOUNS, GROUP_BODIES, PERSON_NOUNS, TITLES, UTTERANCE_NOUNS } from "./lexicon/speaker-nouns.ts";
import type { Speaker } from "./model.ts";
import type { NameBook } from "./names.ts";
import { isBareShare, speakerForm } from "./speaker-form.ts";

/** Heads of descriptions that stand for a business: "the company", "the toolmaker", "the lender". */
const BUSINESS_NOUNS =
  /^(?:company|firm|group|business|corporation|conglomerate|startup|retailer|lender|bank|insurer|airline|carrier|manufacturer|[a-z]*maker|producer|operator|owner|supplier|chain|brand|giant)$/;
/** Capitals that name things, not businesses: "an ID", "on TV", "GDP". */
const COMMON_ACRONYM =
  /^(?:ID|TV|AI|IT|PR|HR|UK|US|EU|UN|GDP|CEO|CFO|COO|CTO|VAT|GPS|DNA|RNA|PhD|MBA|USA|NHS|IPO|ETF|FAQ|PDF|SUV|EV|EVs|LGBTQ)$/;
/** Names of public bodies and institutions, which "the company" never means. */
const PUBLIC_BODY =
  /\b(?:ministry|department|government|parliament|council|party|police|court|agency|army|commission|committee|union|office|administration|senate|congress|house|authority|university|college|school|institute|academy|society|foundation|museum|church|hospital|fund|bank of|federal reserve|central bank|nations|nato|eu)\b/i;

/** A lower-case description ending in a noun, then a capitalised name of two to four words. */
// recheck: run on a speaker phrase, at most 16 tokens.
const DESCRIBED_NAME = /(?:^|\s)([a-z-]+)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})$/u;
const DETERMINER = /^(?:the|a|an|one(?!\s+of\b)|another)\s+/i;
const INDEFINITE = /^(?:a|an|one|another)\s/i;
const PLURAL_REFERENCES = new Set(["they", "some", "others", "many", "most", "several", "both", "all"]);

export class SpeakerBook {
  private readonly seen: Speaker[] = [];
  /** People named or quoted, most recent last, with the sentence they were last seen in. */
  private readonly people: Array<{ speaker: Speaker; at: number; asSpeaker: boolean }> = [];
  private lastGroup: Speaker | null = null;
  private lastOrg: Speaker | null = null;
  /** The last document that spoke ("a poll released on Friday"), for the shares it counts. */
  private lastDocument: Speaker | null = null;
  /** The last business named in the text, for "the company", "the firm". */
  private lastBusiness: string | null = null;
  private sentence = 0;
  documentSource: Speaker | null = null;
  private readonly names: NameBook;

  constructor(names: NameBook) {
    this.names = names;
  }

  /** Marks the start of the next sentence, for recency. */
  nextSentence(): void {
    this.sentence++;
  }

  /** A group named as the subject of a sentence ("Researchers at X analysed …"), for a later "they". */
  noteGroup(phrase: string): void {
    const form = speakerForm(phrase);
    if (form) this.lastGroup = { ...this.describe(form), type: "group" };
  }

  /** An organisation named in the text: a business among them is what a later "the company" means. */
  noteOrganization(name: string): void {
    if (!PUBLIC_BODY.test(name) && !isMediaName(name) && !COMMON_ACRONYM.test(name)) this.lastBusiness = name;
  }

  /** A person named in the text without being a speaker, for later "he"/"she". */
  notePerson(name: string): void {
    this.touchPerson({ name, type: "person", anonymous: false, head: "", via: [], reportedBy: null }, false);
  }

  private touchPerson(speaker: Speaker, asSpeaker: boolean): void {
    const k = this.people.findIndex((p) => p.speaker.name === speaker.name);
    const wasSpeaker = k >= 0 && this.people[k]!.asSpeaker;
    if (k >= 0) this.people.splice(k, 1);
    this.people.push({ speaker, at: this.sentence, asSpeaker: asSpeaker || wasSpeaker });
  }

  last(): Speaker | null {
    return this.seen.at(-1) ?? null;
  }

  /** Who "he" or "she" most likely is: the latest person quoted nearby, else the latest person named. */
  private pronounPerson(gender: "female" | "male" | null): Speaker | null {
    const fits = (p: { speaker: Speaker }) => {
      const g = this.names.genderOf(p.speaker.name);
      return !gender || !g || g === gender;
    };
    for (let k = this.people.length - 1; k >= 0; k--) {
      const p = this.people[k]!;
      if (p.asSpeaker && this.sentence - p.at <= 3 && fits(p)) return p.speaker;
    }
    for (let k = this.people.length - 1; k >= 0; k--) if (fits(this.people[k]!)) return this.people[k]!.speaker;
    return null;
  }

  /** Who "he"/"she" would resolve to now, without recording it. */
  peekPerson(gender: "female" | "male" | null): Speaker | null {
    return this.pronounPerson(gender);
  }

  /** The speaker with the document's Source line chain added when it is the same speaker. */
  withSourceChain(s: Speaker): Speaker {
    const src = this.documentSource;
    if (!src || s === src || s.name !== src.name) return s;
    return { ...s, via: [...new Set([...src.via, ...s.via])], reportedBy: s.reportedBy ?? src.reportedBy };
  }

  /** Resolves a speaker phrase as written in a frame. */
  resolve(phrase: string): Speaker | null {
    let p = phrase
      .replace(/\s+/g, " ")
      .replace(/(?<!\s)\s*['’]\s*s\b/g, "'s")
      .trim();
    p = p
      .replace(/^(?:and|but|then|so)\s+/i, "")
      .replace(/(?<![,:;])[,:;]+$/, "")
      .replace(/^(he|she|they|we|it)['’](?:s|re)$/i, "$1");
    // "Twelve percent said …" after a poll: the share is of the poll's respondents, and the poll reports it.
    if (isBareShare(p))
      return this.lastDocument && FINDING_NOUNS.has(this.lastDocument.head) ? this.remember(this.lastDocument) : null;
    // "Someone asked …": a person the article does not name.
    if (/^(?:someone|somebody)$/i.test(p)) return this.remember(this.fallback("person"));
    const form = speakerForm(p);
    if (!form) return null;
    // What is left is read as written on its own ("Though she" → she, the pronoun).
    if (form.length < p.length) return this.resolve(form);
    const lower = p.toLowerCase();
    if (lower === "he" || lower === "she" || lower === "i") {
      const gender = lower === "he" ? "male" : lower === "she" ? "female" : null;
      const person = this.pronounPerson(gender);
      if (person && gender) this.names.setGender(person.name, gender);
      return this.remember(person ?? this.fallback("person"));
    }
    if (lower === "it") return this.remember(this.lastOrg ?? this.fallback("organization"));
    // "Both leaders", "the two men": the last two people named.
    if (/^(?:both|the two)\b/.test(lower) && this.people.length >= 2) {
      const [a, b] = this.people.slice(-2).map((x) => x.speaker.name);
      return this.remember({
        name: `${a} and ${b}`,
        type: "group",
        anonymous: false,
        head: headNoun(p),
        via: [],
        reportedBy: null,
      });
    }
    // "the people familiar with the matter said … one of them said": one person of the group last speaking.
    if (/^one of (?:them|those)$/.test(lower) && this.lastGroup) {
      const group = this.lastGroup.name.replace(/^the\s+/i, "");
      return this.remember({
        ...this.lastGroup,
        name: `one of the ${group}`,
        type: "person",
        head: this.lastGroup.head,
      });
    }
    if (PLURAL_REFERENCES.has(lower) || lower === "we")
      return this.remember(this.lastGroup ?? this.lastOrg ?? this.fallback("group"));
    // A definite description: the nearest earlier speaker with the same head noun ("the official").
    const head = headNoun(p);
    // "The company", "the carmaker": the business the article last named.
    if (/^the\s/i.test(p) && BUSINESS_NOUNS.test(head) && this.lastBusiness && p.split(/\s+/).length <= 3) {
      return this.remember({
        name: this.lastBusiness,
        type: "organization",
        anonymous: false,
        head,
        via: [],
        reportedBy: null,
      });
    }
    if (/^the\s/i.test(p) && head) {
      if (UTTERANCE_NOUNS.has(head) && head !== "minutes") {
        const prev = this.lastOrg ?? this.last();
        if (prev) return this.remember(prev);
      }
      // Short references reach back a few dozen speakers at most: enough for any article, linear for long ones.
      for (let k = this.seen.length - 1; k >= Math.max(0, this.seen.length - 40); k--) {
        const s = this.seen[k]!;
        if (s.head === head || s.name.toLowerCase().split(/\s+/).includes(head)) return this.remember(s);
      }
      if (
        this.documentSource &&
        (this.documentSource.head === head || this.documentSource.name.toLowerCase().includes(head))
      ) {
        return this.remember(this.documentSource);
      }
      // "the Ukrainian leader", "the chancellor": a person introduced with those words.
      if (PERSON_NOUNS.has(head) || TITLES.has(head)) {
        const person = this.names.describedPerson(p);
        if (person)
          return this.remember({ name: person, type: "person", anonymous: false, head, via: [], reportedBy: null });
      }
    }
    // "Von der Leyen" after "Ursula von der Leyen" spoke: the end of a person's name already quoted.
    if (/^\p{Lu}\S*\s/u.test(p) && !/^the\s/i.test(p)) {
      const tail = ` ${lower}`;
      // (As far back as short references reach, so that long articles stay linear.)
      for (let k = this.seen.length - 1; k >= Math.max(0, this.seen.length - 40); k--) {
        const x = this.seen[k]!;
        if (x.type === "person" && x.name.toLowerCase().endsWith(tail)) return this.remember(x);
      }
    }
    // "Some" + noun ("some economists") and plural nouns are groups.
    return this.remember(this.describe(p));
  }

  /** Builds a speaker from a phrase without looking back. */
  describe(phrase: string): Speaker {
    const p = phrase.trim();
    const head = headNoun(p);
    // A named person anywhere in the phrase ("A spokesperson for Starmer" keeps its description).
    const bare = p.replace(DETERMINER, "");
    const canonical = this.names.canonical(bare);
    // "City boss Pep Guardiola": a name after a title word is a person's.
    const titled = canonical !== bare && this.names.stripTitles(bare).titled && /^\p{Lu}/u.test(canonical);
    const nameType = this.names.classify(canonical, titled);
    if (nameType === "person" && !PERSON_NOUNS.has(head)) {
      return { name: canonical, type: "person", anonymous: false, head, via: [], reportedBy: null };
    }
    // "longtime Democratic pollster Pat Caddell": a person noun right before a name describes that person.
    const described = DESCRIBED_NAME.exec(bare);
    if (described && (PERSON_NOUNS.has(described[1]!) || TITLES.has(described[1]!))) {
      const name = this.names.canonical(described[2]!);
      const type = this.names.classify(name, true);
      if (type === "person")
        return { name, type: "person", anonymous: false, head: described[1]!, via: [], reportedBy: null };
    }
    // "Limbaugh said" after "Rush Limbaugh": a surname that speaks stands for the person it ends.
    if (/^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(bare) && nameType === "other" && !isMediaName(bare)) {
      const full = this.names.fullNameEnding(bare);
      if (full) return { name: full, type: "person", anonymous: false, head, via: [], reportedBy: null };
    }
    // recheck: anchored, and a run of whitespace is entered only at its start; linear in V8 on recheck's attack.
    const ofName = bare.match(/^(.*?)(?<!\s)\s+of\s+([\s\S]+)$/);
    if (ofName && this.names.classify(this.names.canonical(ofName[1]!)) === "person") {
      return {
        name: this.names.canonical(ofName[1]!),
        type: "person",
        anonymous: false,
        head,
        via: [],
        reportedBy: null,
      };
    }
    const lowerHead = head.toLowerCase();
    let type: SpeakerType = "organization";
    if (isMediaName(bare)) type = "organization";
    else if (UTTERANCE_NOUNS.has(lowerHead) || FINDING_NOUNS.has(lowerHead) || lowerHead === "minutes")
      type = "document";
    else if (/^(?:all|both|many|most|some|several|others|few)$/.test(lowerHead) || GROUP_BODIES.has(lowerHead))
      type = "group";
    else if (PERSON_NOUNS.has(lowerHead) || TITLES.has(lowerHead)) type = "person";
    else if (
      PERSON_NOUNS.has(lowerHead.replace(/s$/, "")) ||
      /(?:ists|ers|ors|ians|ans|ats|ants|ents|ics|people|officials|sources|groups|individuals|authorities)$/.test(
        lowerHead,
      )
    )
      type = "group";
    else if (nameType === "person") type = "person";
    // "one of the sources", "one of the officials": one person of a group.
    if (type === "group" && /^one\s+of\b/i.test(bare)) type = "person";
    const anonymous =
      (type === "person" || type === "group") &&
      nameType !== "person" &&
      (INDEFINITE.test(p) ||
        /\bsources?\b|\bofficials?\b/i.test(p) ||
        /\b(?:familiar with|briefed on|with knowledge of|close to|knowledgeable about)\b/i.test(p)) &&
      !/[A-Z][a-z]+ [A-Z][a-z]+$/.test(bare);
    return {
      // ("Many of his supporters" keeps its quantity.)
      name: bare.replace(/^(?:some|other|several|many)\s+(?!of\b)/i, ""),
      type,
      anonymous,
      head: lowerHead,
      via: [],
      reportedBy: null,
    };
  }

  private fallback(type: SpeakerType): Speaker {
    return {
      name: type === "person" ? "unidentified person" : "unidentified source",
      type,
      anonymous: true,
      head: "",
      via: [],
      reportedBy: null,
    };
  }

  remember(s: Speaker): Speaker {
    this.seen.push(s);
    if (s.type === "person" && !s.anonymous) this.touchPerson(s, true);
    else if (s.type === "group") this.lastGroup = s;
    else if (s.type === "document") this.lastDocument = s;
    else if (s.type === "organization") {
      this.lastOrg = s;
      // A named organisation that speaks ("Corvana said") is the business a later "the company" means.
      if (!s.anonymous && /^\p{Lu}/u.test(s.name)) this.noteOrganization(s.name);
    }
    return s;
  }

  /** "Source: Zelenskyy on X (Twitter), as reported by European Pravda" → speaker, channel and reporter. */
  parseSourceLine(line: string): Speaker | null {
    let rest = line
      .replace(/^\s*source\s*:\s*/i, "")
      .trim()
      .replace(/(?<![.;])[.;]+$/, "");
    if (!rest) return null;
    let reportedBy: string | null = null;
    const rep = rest.match(/(?:,|(?<![\s,]))\s*(?:as\s+)?(?:reported|cited|quoted)\s+by\s+([\s\S]+)$/i);
    if (rep) {
      reportedBy = rep[1]!.trim();
      rest = rest.slice(0, rep.index).trim();
    }
    const via: string[] = [];
    const on = rest.match(/^(.*?)(?<!\s)\s+(?:on|via|in a post on|in an interview with|at|in)\s+([\s\S]+)$/i);
    if (on) {
      const channel = channelOf(on[2]!) ?? on[2]!.replace(DETERMINER, "").trim();
      via.push(channel);
      rest = on[1]!.trim();
    }
    const base = this.describe(rest);
    const speaker: Speaker = { ...base, via, reportedBy };
    this.documentSource = speaker;
    this.remember(speaker);
    return speaker;
  }
}

/** The head noun of a phrase: the last word before "of"/"for"/"at"/"in" ("spokesperson for Starmer" → spokesperson). */
export function headNoun(phrase: string): string {
  // The noun before its modifiers: "analysts polled by LSEG", "a study published on Wednesday", "officials at X".
  // "Two of the five board members", "some of the residents": the head is what the quantity counts.
  const counted = phrase.replace(
    /^(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|many|most|several|all|both|none|few|a few|half|dozens|hundreds|thousands)\s+of\s+(?:the|its|their|his|her|our)\s+(?=\S)/i,
    "",
  );
  const core =
    counted.split(
      /(?<!\s)\s+(?:of|for|at|in|from|with|on|by|who|which|that|,|familiar|close|knowledgeable|involved|[a-z]+ed\s+(?:by|in|on|at|last|this))\s+/i,
    )[0] ?? counted;
  const ws = core.trim().split(/\s+/);
  return (ws.at(-1) ?? "")
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[^\p{L}\p{N}-]/gu, "");
}
