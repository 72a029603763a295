// Classifies a paragraph or line as page furniture (captions, promos, credits, share and subscribe prompts,
// copyright, contacts, disclaimers) so it never reaches claim extraction. Rules are about how pages are built,
// not about any one article. Every pattern is anchored or bounded, so a 1 MB line costs one linear pass.

export type NoiseReason =
  | "caption"
  | "promo"
  | "subscribe"
  | "legal"
  | "tags"
  | "credits"
  | "note"
  | "contact"
  | "meta"
  | "navigation"
  | "cookies"
  | "byline"
  | "separator";

/** Units longer than this are prose whatever they start with: no rule below looks further. */
const MAX_NOISE_CHARS = 600;

const PROMO =
  /^[[(]?\s*(?:read (?:also|more|next|this)|also read|see also|related(?: (?:articles?|stories|story|coverage|content|reading|news|links?|video))?|more (?:on|about) (?:this|the) (?:story|topic|subject)|more from\b[^:]{0,40}|recommended(?: for you| reading)?|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|don['’]?t miss|must read|go deeper|further reading|(?:watch|listen)(?: now| live)?|latest (?:news|stories))\b\s*(?:[:\-–—|»›>]|$)/i;

/** A promo heading with nothing after it ("Read more:", "Related"): the lines below it are links. */
// recheck: run only on paragraphs of at most 80 characters.
const PROMO_HEADING_ONLY =
  /^[[(]?\s*(?:read (?:also|more|next)|also read|see also|related(?: (?:articles?|stories|coverage|content|reading|news|links?))?|more (?:on|about) (?:this|the) (?:story|topic|subject)|more from\b.{0,40}|recommended(?: for you| reading)?|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|don['’]?t miss|must read|further reading|latest (?:news|stories))\s*[:\-–—»›]?\s*[\])]?$/i;

const CAPTION_START =
  /^[[(]?\s*(?:photo(?:graph)?s?|images?|pictures?|illustration|video|graphic|gallery|file photo|photo credit|credits?|pictured|(?:top|main|lead|cover|header|featured) (?:photo|image|picture))(?:\s+(?:credits?|courtesy(?: of)?))?\s*(?:by\b|:|\||—|–|-\s|\.{2,}|…)/i;
const CAPTION_TAIL =
  /(?:[.!?”"’)\]]\s+|\s[|·–—]\s)[[(]?(?:photo(?:graph)?|image|picture|illustration|video|credit|photo credit|file photo)s?\s*(?:by\b|:)/i;
/** Picture agencies in the credit position (the end of a caption), or "AP Photo"-style credits anywhere. */
const PHOTO_AGENCY =
  /(?:getty images|shutterstock|alamy|istock(?:photo)?|pa wire|pa media|zuma press|nurphoto|sipa usa|via reuters|unsplash|wikimedia commons)\s*[)\]]?\.?$|\b(?:ap|afp|reuters|epa|pa) photo\b/i;
/** Slash credits are written in a fixed case ("REUTERS/Kevin Lamarque", "Newswire/Pool"); "Reuters/Ipsos" is a poll. */
const SLASH_CREDIT = /REUTERS\/|\/(?:Reuters|REUTERS|AFP|EPA|AP|Pool|POOL)\b|EPA-EFE|\bPool\//;

const SUBSCRIBE =
  /^(?:sign (?:up|in)|log ?in|join (?:us|our|the conversation)|follow (?:us|@|me\b|our|\S+ on (?:twitter|x|facebook|instagram|telegram|linkedin|bluesky|threads|youtube|tiktok))|share (?:this|on|via|the (?:story|article))|click here|tap here|download (?:our|the) (?:\w+ )?app|get (?:our|the) (?:[\w'’-]+ ){0,4}(?:newsletter|app|briefing|alerts?|updates)|support (?:our|independent|quality)|become a (?:member|subscriber|supporter)|already a (?:subscriber|member)|listen to (?:this|the) (?:article|story)|continue reading|keep reading|read the (?:full|rest|original|whole)\b|show (?:more|less)|load more|back to top|skip to|story continues|article continues|print this|email this|copy (?:the )?link|jump to|you have reached|want to read more|this (?:content|article) is (?:for|only available to) subscribers|supported by|send any friend a story|(?:give|gift) this article|save (?:this )?(?:article|story|for later)|open in (?:the )?app|read in (?:the )?app)\b/i;
const SUBSCRIBE_SHORT =
  /^(?:subscribe|register|donate|advertisement|advert|sponsored(?: content)?|promoted(?: content)?|paid (?:content|post)|partner content)\b/i;
const NEWSLETTER = /\bnewsletters?\b/i;
const NEWSLETTER_CUE = /\b(?:sign up|subscribe|get (?:the|our)|delivered|inbox|every (?:morning|day|week))\b/i;

const LEGAL_START = /^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))/i;
const LEGAL_ANY =
  /all rights reserved|any use of (?:the )?materials|reproduction (?:in whole or in part )?(?:is )?(?:prohibited|forbidden|not permitted)|may not be (?:published|reproduced|broadcast|rewritten|redistributed)|without (?:the )?(?:prior )?(?:express )?(?:written )?permission|terms (?:of (?:use|service)|and conditions)|privacy policy/i;

const TAGS =
  /^(?:tags?|topics?|suggested topics|related topics|keywords|filed under|categories|category|more about|sections?|labels|subjects?)\s*:/i;
const HASHTAGS_ONLY = /^(?:#[\p{L}\p{N}_]+[\s,;·]*)+$/u;

const CREDITS_START =
  /^\(?(?:reporting|writing|editing|additional reporting|compiled|edited|written|translated|produced|graphics|research|fact-checking|photography|production) by\b/i;
const CREDITS_WRAPPED = /^\((?:[^()]{0,300};\s*)?(?:editing|reporting|writing) by [^()]{0,300}\)\.?$/i;
const CONTRIBUTED = /\bcontributed (?:to )?(?:this )?(?:report|reporting|story)\b/i;
const STANDARDS = /^our standards\b|\btrust principles\b/i;
/** A sign-off line: "— Associated Press", "-- Staff and agencies". */
const SIGN_OFF = /^(?:—|―|–|--)\s*\p{Lu}[^.!?]{0,60}$/u;

const NOTE =
  /^[[(]?(?:editor['’]?s['’]? note|editors['’]? note|note to readers|disclaimer|correction|clarification|disclosure)\s*[:—–-]|^this (?:article|story|report|piece|post) (?:was|has been|is being) (?:updated|amended|corrected|edited|originally|first|produced|published|republished)|^(?:the )?(?:views|opinions) expressed\b|^this (?:content|article) (?:is|was) (?:produced|paid for|sponsored|supported)\b/i;

// recheck: noiseReason runs it only on paragraphs of at most MAX_NOISE_CHARS (600) characters.
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+/;
// recheck: noiseReason runs it only on paragraphs of at most MAX_NOISE_CHARS (600) characters.
const CONTACT =
  /^(?:contact|e-?mail|tel(?:ephone)?|phone|fax|whatsapp)\s*(?:us|the (?:author|reporter|writer|newsroom|editor)s?)?\s*:|^(?:to contact|reach the (?:author|reporter|writer)|have a (?:news )?tip|got a (?:news )?tip|send (?:us )?(?:your )?(?:news )?tips)\b/i;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;

const READING_TIME = /\b\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\s+(?:read|listen|watch)\b/i;
const STAMP = /^(?:updated|last updated|published|first published|posted|modified|originally published)\b/i;

const NAV_ONLY =
  /^(?:(?:share(?: this)?|tweet|email|e-mail|print|comments?|menu|search|home|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|flipboard|messenger|bluesky|threads|copy link|save|listen|more|close|next|previous|prev|back|top|advertisement|ad|skip to (?:main )?content|log ?in|sign ?in|sign ?up|subscribe|register|accept(?: all)?|reject(?: all)?|decline|manage (?:preferences|cookies|settings|choices)|cookie settings|ok|got it|\d+ comments?)[\s|·•,/]*)+$/i;
const COOKIES = /\bcookies?\b/i;
const COOKIE_CUE =
  /\b(?:we use|this (?:site|website) uses|accept|consent|privacy|preferences|personali[sz]e|third[- ]party)\b/i;

const BYLINE = /^[Bb][Yy]\s+\p{Lu}/u;
const SEPARATOR = /^[\s*_\-–—=•·~#.]+$/;

export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function endsSentence(text: string): boolean {
  return /[.!?…]["”’)\]]?$/.test(text);
}

/** Why `text` (one paragraph, trimmed) is page furniture, or null when it is content. */
export function noiseReason(text: string): NoiseReason | null {
  if (text.length === 0) return "separator";
  if (text.length > MAX_NOISE_CHARS) return null;
  if (SEPARATOR.test(text)) return "separator";
  const words = wordCount(text);
  if (PROMO.test(text)) return "promo";
  if (CAPTION_START.test(text)) return "caption";
  if (words <= 60 && (CAPTION_TAIL.test(text) || PHOTO_AGENCY.test(text) || SLASH_CREDIT.test(text))) return "caption";
  if (words <= 40 && SUBSCRIBE.test(text)) return "subscribe";
  if (words <= 12 && SUBSCRIBE_SHORT.test(text)) return "subscribe";
  if (words <= 30 && NEWSLETTER.test(text) && NEWSLETTER_CUE.test(text)) return "subscribe";
  if (LEGAL_START.test(text)) return "legal";
  if (words <= 60 && LEGAL_ANY.test(text)) return "legal";
  if (TAGS.test(text) || HASHTAGS_ONLY.test(text)) return "tags";
  if (CREDITS_START.test(text) || CREDITS_WRAPPED.test(text) || STANDARDS.test(text)) return "credits";
  if (words <= 30 && CONTRIBUTED.test(text)) return "credits";
  if (words <= 8 && SIGN_OFF.test(text)) return "credits";
  if (NOTE.test(text)) return "note";
  if (words <= 20 && (CONTACT.test(text) || EMAIL.test(text))) return "contact";
  if (URL_ONLY.test(text)) return "contact";
  if (words <= 14 && READING_TIME.test(text)) return "meta";
  if (words <= 14 && STAMP.test(text) && !endsSentence(text)) return "meta";
  if (words <= 12 && NAV_ONLY.test(text)) return "navigation";
  if (words <= 80 && COOKIES.test(text) && COOKIE_CUE.test(text)) return "cookies";
  if (words <= 10 && BYLINE.test(text) && !endsSentence(text)) return "byline";
  return null;
}

/** "Read more:" / "Related" standing alone: what follows it, while it looks like headlines, is a link list. */
export function opensLinkList(text: string): boolean {
  return text.length <= 80 && PROMO_HEADING_ONLY.test(text);
}

/** A line that reads like a linked headline rather than prose: short, no sentence end. */
export function looksLikeHeadline(text: string): boolean {
  return text.length <= 200 && !text.includes("\n") && wordCount(text) <= 25 && !endsSentence(text);
}
