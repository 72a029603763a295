// Words that hedge a claim in its own scope (FactBank): modals and adverbs of likelihood.
import { words } from "./build.ts";

export const MODALS_POSSIBLE = words(`may might could`);
export const HEDGES_PROBABLE = words(`likely probably reportedly apparently presumably allegedly expected`);
export const HEDGES_POSSIBLE = words(`possibly perhaps maybe possible potentially`);
