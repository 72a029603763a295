// One colour per speaker on a page, in order of first appearance, from a palette of light backgrounds that all
// keep dark text above WCAG AA contrast (4.5:1 with #1b1b1b). The article's own voice (no speaker) is grey.
// Colour is never the only cue: every highlight also names its speaker (title, legend, the claim beside it).

const PALETTE = ["#ffe08a", "#b8e3ff", "#c8f0c0", "#ffc9de", "#e3d4ff", "#ffd3b0", "#bff0ea", "#f0e6a0"];
export const OWN_VOICE = "#e4e4e4";

export function speakerColors() {
  const assigned = new Map();
  return (speaker) => {
    if (!speaker) return OWN_VOICE;
    const key = speaker.toLowerCase();
    if (!assigned.has(key)) assigned.set(key, PALETTE[assigned.size % PALETTE.length]);
    return assigned.get(key);
  };
}
