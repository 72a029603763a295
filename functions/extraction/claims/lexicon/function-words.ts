// Closed word classes the part-of-speech guesser tags by list.
import { words } from "./build.ts";

export const PRONOUNS = words(`he she it they we i you him her them us me his its their our`);

export const DETERMINERS = words(`the a an this that these those his her its their our my your some any each every
  no another such both either neither all several many much more most few fewer less`);

export const PREPOSITIONS = words(`of in on at by for with from to into onto over under about after before during
  since until till through across against among between within without towards toward upon amid despite via per
  than like near off out up down around behind beyond along outside inside above below`);

export const CONJUNCTIONS = words(`and or but nor yet so`);
export const SUBORDINATORS = words(`because although though while whereas if unless since after before when whenever
  as until once whether that which who whom whose where`);

export const AUXILIARIES = words(`is are was were be been being am has have had having do does did will would shall
  should can could may might must`);
