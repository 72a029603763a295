// `q` as people type it: words, and phrases in double quotes (`ceasefire "in a few days"`). An unclosed quote
// runs to the end.

export function searchTermsOf(q: string): { words: string[]; phrases: string[] } {
  const words: string[] = [];
  const phrases: string[] = [];
  for (const [, phrase, word] of q.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    if (phrase !== undefined) {
      const p = phrase.replace(/\s+/g, " ").trim();
      if (p) phrases.push(p);
    } else if (word) words.push(word);
  }
  return { words, phrases };
}
