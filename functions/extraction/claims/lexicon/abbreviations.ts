// Abbreviations whose period does not end a sentence.
import { words } from "./build.ts";

/** Abbreviations that end with a period without ending a sentence. */
export const ABBREVIATIONS = words(`mr mrs ms dr prof sen rep gov gen col lt capt sgt adm st jr sr inc corp ltd co
  vs etc no nos fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
  approx dept est govt u.s u.k u.n e.u a.m p.m e.g i.e rev hon maj cmdr brig supt insp det pres sec atty dist
  ft mt ave blvd rd no op cf al`);
