// Words of names: given names (with the gender they usually tell), the particles inside names, the capitalised
// words that never start one.
import { names } from "./build.ts";
import { MONTHS, WEEKDAYS } from "./time-words.ts";

/** Small words inside a name: "Office of the President", "Ursula von der Leyen". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  "of",
  "the",
  "de",
  "von",
  "van",
  "der",
  "la",
  "le",
  "al",
  "bin",
  "and",
  "for",
]);
/** Capitalised words that do not start or continue a name ("The", "After", "Monday"). */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  "the",
  "a",
  "an",
  "in",
  "on",
  "at",
  "for",
  "but",
  "and",
  "or",
  "if",
  "as",
  "it",
  "he",
  "she",
  "they",
  "we",
  "i",
  "this",
  "that",
  "these",
  "those",
  "there",
  "his",
  "her",
  "its",
  "their",
  "our",
  "after",
  "before",
  "when",
  "while",
  "since",
  "earlier",
  "later",
  "meanwhile",
  "however",
  "according",
  "by",
  "from",
  "to",
  "with",
  "during",
  "both",
  "some",
  "many",
  "all",
  "other",
  "others",
  "mr",
  "mrs",
  "ms",
  "dr",
  "quote",
  "details",
  "source",
  "background",
  "update",
  "read",
  "also",
  "so",
  "yet",
  "what",
  "who",
  "which",
  "where",
  "why",
  "how",
  ...Object.keys(WEEKDAYS),
  // Full month names only: "Jan" is also a given name.
  ...Object.keys(MONTHS).filter((m) => m.length > 4 || m === "may" || m === "june" || m === "july"),
  "one",
  "two",
  "three",
  "speaking",
  "opening",
  "asked",
  "under",
  "over",
  "about",
  "not",
  "no",
  "yes",
  "more",
  "most",
  "each",
  "every",
  "then",
  "now",
  "still",
  "we've",
  "i'm",
  "it's",
  "let",
  "here",
  "our",
  "my",
  "your",
  "you",
]);

/** Given names: a capitalised run opening with one is a person. */
export const GIVEN_NAMES = names(`Aaron|Adam|Adrian|Ahmed|Aisha|Alan|Alex|Alexander|Alexei|Alice|Alona|Amanda|Amy|
Ana|Andrew|Andrii|Andriy|Angela|Ann|Anna|Anne|Anthony|Antonio|Boris|Brian|Carlos|Catherine|Charles|Charlotte|
Chris|Christian|Christopher|Claire|Clare|Daniel|David|Denys|Donald|Dmitry|Dmytro|Edward|Elena|Eleanor|Elizabeth|
Emily|Emma|Emmanuel|Eric|Friedrich|Gabriel|Gary|Geoffrey|George|Giorgia|Giulia|Graham|Hannah|Harry|Helen|Huw|
Ian|Igor|Ivan|Iryna|Jack|James|Jane|Jean|Jennifer|Jessica|Jill|Jim|Joe|John|Jonathan|Joseph|Julia|Kamala|Karen|
Kate|Keir|Keith|Kevin|Kyiv|Laura|Lindsey|Lisa|Liz|Louise|Lucy|Maria|Marie|Mark|Markus|Martin|Mary|Matthew|
Maksym|Megan|Michael|Michel|Mike|Mohammed|Muhammad|Nancy|Nicola|Nicolas|Nikolai|Oleh|Oleksandr|Oleksiy|Olga|
Olaf|Pat|Patrick|Paul|Pedro|Peter|Petro|Philip|Pierre|Priya|Rachel|Richard|Robert|Roman|Rishi|Ruth|Ryan|Sarah|
Scott|Sergei|Sergey|Serhiy|Simon|Sophie|Stephen|Steve|Steven|Susan|Thomas|Tim|Tom|Tony|Ursula|Valerii|Victor|
Viktor|Vladimir|Volodymyr|Wang|William|Xi|Yulia|Yuriy|Ahmad|Ali|Omar|Hassan|Fatima|Mohammad|Benjamin|Hillary|
Bernie|Barack|Joe|Mitt|Ted|Marco|Jeb|Chris|Mike|Tim|Gary|Jill|Rudy|Newt|Paul|Rand|Ben|Carly|Bill|Melania|Ivanka|
Kellyanne|Reince|Sean|Steve|Corey|Jared|Huma|Robby|John|Bob|Debbie|Elizabeth|Nancy|Mitch|Harry|Chuck|Lindsay|
Jeff|Jeffrey|Rex|Jim|James|Susan|Ron|Kevin|Rick|Tammy|Kelly|Jason|Justin|Josh|Joshua|Dan|Dana|Diane|Donna|Deborah|
Frank|Fred|Greg|Gregory|Henry|Howard|Jack|Jerry|Jon|Judy|Karl|Larry|Lee|Linda|Lynn|Marc|Margaret|Matt|Max|Nick|
Nicholas|Pam|Phil|Ralph|Ray|Roger|Rose|Russ|Sam|Samuel|Sara|Stanley|Stuart|Terry|Theresa|Todd|Travis|Vince|Wayne|
Walter|Will|Zach|Keith|Alessio|Anna|Paul|Mark|Tom|Rendell|Haley|Nikki|Kristi|Marjorie|Lauren|Hakeem|Alexandria|
Jens|Mark|Kaja|Josep|Charles|Antonio|Pedro|Mette|Ulf|Petr|Donald|Andrzej|Radoslaw|Gitanas|Edgars|Alar|Viktor|
Albert|Allen|Amber|Andrea|Andy|Angelique|Arthur|Barbara|Betty|Beverly|Billy|Brad|Bradley|Brandon|Brenda|
Bruce|Bryan|Carl|Carol|Caroline|Carolyn|Cheryl|Christina|Christine|Cindy|Clarence|Craig|Cynthia|Dale|Daryl|
Darren|Denise|Dennis|Derek|Don|Donnie|Doris|Dorothy|Douglas|Doug|Earl|Ed|Eddie|Edwin|Elaine|Ellen|Eugene|
Evelyn|Erin|Ernest|Frances|Francis|Gail|Gene|Gerald|Glenn|Gloria|Gordon|Harold|Heather|Herbert|Irene|Jacob|
Jacqueline|Janet|Janice|Jean-Marc|Jeremy|Jesse|Joan|Joanne|Jo|Johnnie|Johnny|Jose|Joyce|Juan|Judith|Julie|
Katherine|Kathleen|Kathryn|Kathy|Keron|Kenneth|Kim|Kyle|Lawrence|Len|Leonard|Leslie|Lillian|Lloyd|Lori|Louis|
Luis|Marilyn|Martha|Melanie|Melissa|Michelle|Mildred|Miguel|Nathan|Neil|Norma|Norman|Pamela|Patricia|
Paula|Peggy|Philippe|Quentin|Randy|Raymond|Rebecca|Renee|Rita|Roberta|Rodney|Ronald|Roy|Russell|Sandra|
Shannon|Sharon|Shirley|Stacey|Stacy|Sylvia|Tara|Teresa|Tina|Tyler|Vanessa|Vernon|Vicki|Wanda|Warren|
Wendy|Willie|Yvonne|Hans|Jorge|Carmen|Cornell|Vann|Derrick|Darryl|Lamar|Tyrone|Marcus|Malik|Jamal|Keisha|Latoya`);

export const FEMALE_NAMES: ReadonlySet<string> = new Set(
  `alona alice amanda amy ana angela ann anna anne aisha catherine charlotte claire clare
  elena eleanor elizabeth emily emma giorgia giulia hannah helen iryna jane jennifer jessica jill julia karen kate
  laura lindsey lisa liz louise lucy maria marie mary megan nancy nicola olga priya rachel ruth sarah sophie susan
  ursula yulia fatima hillary melania ivanka kellyanne huma debbie kamala theresa margaret linda judy diane donna
  deborah pam rose sara tammy kelly dana lynn nikki kristi marjorie lauren alexandria kaja mette annalena
  giorgia kaja roberta marine ségolène rachida valérie christine`.split(/\s+/),
);
export const MALE_NAMES: ReadonlySet<string> = new Set(
  `aaron adam adrian ahmed alan alex alexander alexei andrew andrii andriy anthony antonio
  boris brian carlos charles chris christopher daniel david denys donald dmitry dmytro edward emmanuel eric
  friedrich gabriel gary geoffrey george graham harry huw ian igor ivan jack james jean jim joe john jonathan
  joseph keir keith kevin mark markus martin matthew maksym michael michel mike mohammed muhammad nicolas nikolai
  oleh oleksandr oleksiy olaf patrick paul pedro peter petro philip pierre richard robert roman rishi ryan scott
  sergei sergey serhiy simon stephen steve steven thomas tim tom tony valerii victor viktor vladimir volodymyr
  william xi boris bernie barack mitt ted marco jeb rudy newt rand ben bill reince sean corey jared robby bob mitch
  chuck jeff jeffrey rex ron rick jason justin josh joshua dan frank fred greg gregory henry howard jerry jon karl
  larry marc matt max nick nicholas phil ralph ray roger russ sam samuel stanley stuart terry todd travis vince
  wayne walter will zach alessio hakeem jens josep ulf petr andrzej radoslaw gitanas edgars alar`.split(/\s+/),
);
