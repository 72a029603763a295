// Nouns around speakers: titles, the words that make a name an organisation, and the nouns for what was said
// or found ("a statement", "a study").
import { wordList, words } from "./build.ts";

/** Nouns that stand for the speaker's utterance: "in a statement", "the statement said". */
export const UTTERANCE_NOUNS = words(`statement post tweet interview briefing release letter report judgment ruling
  message video speech remarks comments note email memo minutes summary filing`);
/** What a study or a count says: its speaker is a document ("a study found", "polls showed"). */
export const FINDING_NOUNS = words(`study studies poll polls survey surveys research analysis paper data findings
  audit assessment estimate estimates projections forecast review census order opinion decision complaint lawsuit
  motion affidavit testimony book essay column op-ed article blog podcast newsletter documents results figures
  statistics records filings average averages database website account story clip spot ad advert slide brief
  protocol section transcript footage chart tally count index`);

export const TITLES = words(`president prime minister chancellor secretary senator sen rep representative governor gov
  mayor general gen colonel col lieutenant lt captain capt sergeant sgt admiral judge justice mr mrs ms miss dr
  professor prof sir dame lord lady king queen prince princess pope ambassador envoy spokesperson spokesman
  spokeswoman chief deputy director chairman chairwoman chair ceo executive commissioner inspector officer
  economist analyst minister foreign defence defense finance interior health external member leader head
  attorney lawyer solicitor barrister counsel councillor councilor speaker premier governor-general chairperson
  vice senior former acting interim special representative external councilwoman councilman congressman
  boss coach manager founder owner striker midfielder defender goalkeeper winger forward quarterback pitcher
  congresswoman assemblyman assemblywoman alderman superintendent commissioner sheriff coroner campaigner activist
  advocate researcher scientist author novelist historian entrepreneur investor pastor rabbi imam bishop archbishop`);

/** Words that make a name an organisation rather than a person. */
export const ORG_WORDS = words(`office ministry department agency bank council court commission committee
  government presidency palace street house parliament congress senate assembly union party company corporation
  corp inc ltd llc plc group association federation institute university college school hospital police army
  navy force forces command service services authority board fund organisation organization alliance coalition
  foundation trust network news agency times post journal press tribune guardian herald pravda reuters homes
  legal pentagon kremlin nato un eu embassy consulate administration cabinet secretariat bureau centre center
  council directorate staff headquarters holdings industries technologies pharmaceuticals airlines airways motors
  logistics gmbh campaign team`);

/** Titles that make the name after them a person's ("Mayor Ana Ruiz", "Dr Lane"). */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  "president",
  "minister",
  "chancellor",
  "senator",
  "sen",
  "rep",
  "governor",
  "mayor",
  "general",
  "gen",
  "judge",
  "justice",
  "mr",
  "mrs",
  "ms",
  "dr",
  "professor",
  "prof",
  "sir",
  "dame",
  "lord",
  "lady",
  "king",
  "queen",
  "prince",
  "princess",
  "pope",
  "ambassador",
  "envoy",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "chief",
  "deputy",
  "secretary",
  "director",
  "chairman",
  "chairwoman",
  "ceo",
  "executive",
  "commissioner",
  "economist",
  "member",
  "leader",
  "lawyer",
  "attorney",
  "officer",
  "colonel",
  "captain",
  "admiral",
  "premier",
  "councillor",
  "speaker",
  "rev",
  "reverend",
  "father",
  "sister",
  "brother",
  "coach",
  "manager",
  "founder",
  "editor",
  "correspondent",
  "reporter",
  "analyst",
  "candidate",
  "nominee",
  "host",
  "anchor",
  "mp",
  "mep",
  "congressman",
  "congresswoman",
  "senators",
  "governor",
]);

/** Titles that say a person is a woman or a man ("Mrs", "Lord"). */
export const FEMALE_TITLES = [
  "mrs",
  "ms",
  "miss",
  "dame",
  "lady",
  "queen",
  "princess",
  "madam",
  "madame",
  "sister",
  "congresswoman",
  "chairwoman",
  "spokeswoman",
  "businesswoman",
] as const;
export const MALE_TITLES = [
  "mr",
  "sir",
  "lord",
  "king",
  "prince",
  "father",
  "brother",
  "congressman",
  "chairman",
  "spokesman",
  "businessman",
] as const;

/** Words a speaker's noun phrase may open with ("the", "officials", "two"), besides names. */
export const SPEAKER_OPENERS: ReadonlySet<string> = new Set([
  "the",
  "a",
  "an",
  "his",
  "her",
  "its",
  "their",
  "our",
  "both",
  "some",
  "several",
  "many",
  "most",
  "other",
  "others",
  "two",
  "three",
  "four",
  "five",
  "one",
  "all",
  "another",
  "people",
  "those",
  "he",
  "she",
  "they",
  "it",
  "we",
  "i",
  "officials",
  "analysts",
  "economists",
  "experts",
  "critics",
  "sources",
  "residents",
  "witnesses",
  "police",
  "lawyers",
  "investors",
  "traders",
  "diplomats",
  "observers",
  "researchers",
  "scientists",
  "officers",
  "doctors",
]);

/** Heads of descriptions that stand for one person: "the official", "a spokeswoman". */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  "official",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "minister",
  "lawyer",
  "judge",
  "economist",
  "analyst",
  "source",
  "diplomat",
  "aide",
  "adviser",
  "advisor",
  "officer",
  "executive",
  "director",
  "president",
  "chancellor",
  "governor",
  "secretary",
  "senator",
  "ambassador",
  "envoy",
  "commander",
  "chief",
  "member",
  "leader",
  "expert",
  "witness",
  "resident",
  "representative",
  "negotiator",
  "researcher",
  "scientist",
  "professor",
  "doctor",
  "prosecutor",
  "investigator",
  "insider",
  "person",
  "man",
  "woman",
  "strategist",
  "campaigner",
  "activist",
  "economist",
  "candidate",
  "nominee",
  "manager",
  "founder",
  "owner",
  "worker",
  "host",
  "anchor",
  "businessman",
  "businesswoman",
  "specialist",
  "friend",
  "narrator",
  "announcer",
  "questioner",
  "moderator",
  "journalist",
  "reporter",
  "correspondent",
  "columnist",
  "commentator",
  "editor",
  "pollster",
  "consultant",
  "lobbyist",
  "critic",
  "mayor",
  "attorney",
  "lawmaker",
  "legislator",
  "voter",
  "student",
  "teacher",
  "driver",
  "farmer",
  "neighbour",
  "neighbor",
  "physician",
  "nurse",
  "survivor",
  "victim",
  "employee",
  "engineer",
  "organizer",
  "organiser",
  "mother",
  "father",
  "wife",
  "husband",
  "daughter",
  "son",
  "sister",
  "brother",
  "widow",
  "widower",
  "veteran",
]);

/** Plural subjects that a later "they" may stand for. */
export const GROUP_NOUNS =
  wordList(`researchers scientists officials analysts economists experts investigators lawmakers legislators
  doctors police prosecutors critics residents protesters activists voters workers engineers authors regulators
  ministers leaders diplomats judges investors traders lawyers members people families docs`);

/** Singular nouns for a body of people that speaks as one: "Scott's family", "the city of Phoenix", "the jury". */
export const BODY_NOUNS = words(`family couple household crowd audience public jury panel city town county state
  chain`);
/** Bodies among them that are groups of people rather than organisations. */
export const GROUP_BODIES = words(`family couple household crowd audience public jury`);
