// Term weights that do not depend on what is stored. A store that links each article as it arrives cannot use
// the batch's IDF: the same pair would score differently depending on which articles came before it, and the
// facts would depend on arrival order. Every term gets the same IDF here, so a pair's score is a function of
// the two claims alone; the kind weights of similarity.ts (entities 1, figures 2, speakers 0.3) still apply.
import { TermStats } from "./similarity.ts";

/** Document frequencies that never change: every term counts as unseen in a fixed, large collection. */
export class FixedTermStats extends TermStats {
  constructor() {
    super();
    // TermStats keeps its claim count private; empty claims raise it without recording any term.
    for (let i = 0; i < 1000; i++) super.add([]);
  }

  override add(): void {}
  override remove(): void {}
  override frequency(): number {
    return 0;
  }
}

/** One instance for the process: similarity.ts caches each claim's weights per statistics object. */
export const FIXED_STATS = new FixedTermStats();
