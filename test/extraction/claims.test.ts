// Claim extraction rules on short articles written for these tests (not the dev set).
import { describe, expect, it } from "vitest";
import { extract } from "../../functions/extraction/extract.ts";
import { Extraction } from "../../functions/schemas/article.ts";
import type { Claim } from "../../functions/schemas/claim.ts";

function run(body: string, meta: Record<string, unknown> = {}) {
  const json = JSON.stringify({
    title: "Test article",
    publishedAt: "2024-03-14T10:00:00Z",
    outlet: "Test Gazette",
    ...meta,
    body,
  });
  return Extraction.parse(extract({ bytes: new TextEncoder().encode(json), fileName: "a.json" }));
}

function find(claims: Claim[], words: string): Claim {
  const hit = claims.find((c) => c.text.toLowerCase().includes(words.toLowerCase()));
  if (!hit) throw new Error(`no claim with "${words}" in:\n${claims.map((c) => `  ${c.text}`).join("\n")}`);
  return hit;
}

describe("attribution", () => {
  it("takes the speaker of reported speech and keeps the reported proposition", () => {
    const { claims } = run(
      "The mayor of Springfield, Ana Ruiz, said on Wednesday that the bridge would reopen in May.",
    );
    const c = find(claims, "bridge would reopen");
    expect(c.attribution.speaker).toBe("Ana Ruiz");
    expect(c.attribution.cue).toBe("said");
    expect(c.text).not.toMatch(/said/);
  });

  it("attributes a quotation to the speaker named after it and resolves 'he added'", () => {
    const { claims } = run(
      'Finance Minister Tomas Berg presented the budget on Tuesday.\n\n"The deficit will fall below 3% next year," Berg said. "Taxes will not rise," he added.',
    );
    expect(find(claims, "deficit will fall").attribution.speaker).toBe("Tomas Berg");
    const taxes = find(claims, "taxes will not rise");
    expect(taxes.attribution.speaker).toBe("Tomas Berg");
    expect(taxes.polarity).toBe("negative");
  });

  it("handles according to, told, channels and anonymous sources", () => {
    const { claims } = run(
      "According to the ministry, 40 schools were closed. The ministry's spokesman told Reuters that classes would resume on Monday. " +
        'The governor wrote on Telegram: "We will rebuild every school." A senior official, speaking on condition of anonymity, said the budget had been cut.',
    );
    expect(find(claims, "40 schools").attribution.speaker).toMatch(/ministry/);
    expect(find(claims, "classes would resume").attribution.via).toContain("Reuters");
    expect(find(claims, "rebuild every school").attribution.via).toContain("Telegram");
    expect(find(claims, "budget had been cut").attribution.anonymous).toBe(true);
  });

  it("attributes the content of ', saying …' to the main clause's subject", () => {
    const { claims } = run(
      "Senator Maria Lopez defended the bill on Monday, arguing that it would cut hospital costs.",
    );
    const c = find(claims, "would cut hospital costs");
    expect(c.attribution.speaker).toBe("Maria Lopez");
    expect(c.attribution.cue).toBe("arguing");
    expect(find(claims, "defended the bill").attribution.speaker).toBeNull();
  });

  it("reads a leading adverbial that holds a verb or a quoted title before 'X said that …'", () => {
    const { claims } = run(
      "In a meeting with the editorial board, Governor Paul Hart said that the state budget would be balanced. " +
        'On Tuesday\'s episode of "The Morning Show," Hart said the port would reopen.',
    );
    expect(find(claims, "budget would be balanced").attribution.speaker).toBe("Paul Hart");
    expect(find(claims, "port would reopen").attribution.speaker).toBe("Paul Hart");
    expect(claims.some((c) => /^In a meeting/.test(c.text))).toBe(false);
  });

  it("keeps both sides of a frame that interrupts a statement as the speaker's", () => {
    const { claims } = run(
      "Even if the mine closes next year, Mayor Ruth Green said, the town has already rebuilt its water system.",
    );
    const c = find(claims, "already rebuilt its water system");
    expect(c.attribution.speaker).toBe("Ruth Green");
    expect(c.text).toMatch(/^Even if the mine closes next year,? the town has already rebuilt/);
    expect(c.evidence.quote).toContain("Mayor Ruth Green said");
  });

  it("reads '' and `` as quotation marks and a semicolon as a boundary between frames", () => {
    const { claims } = run(
      "''The budget is balanced,'' Paul Hart, an economist and tax expert, told reporters. " +
        "The vote is a formality; the committee says the bill will pass in May.",
    );
    const quote = find(claims, "budget is balanced");
    expect(quote.text).toBe("The budget is balanced");
    expect(quote.attribution.speaker).toBe("Paul Hart");
    expect(find(claims, "bill will pass").attribution.speaker).toMatch(/committee/);
    expect(find(claims, "vote is a formality").attribution.speaker).toBeNull();
  });

  it("finds frames in clauses joined by ', but' or a colon and in noun-heavy subjects and speakers", () => {
    const { claims } = run(
      "The hearing ran late, but Senator Paul Hart said the vote would go ahead. " +
        "The report set off a storm on Friday: Democrats said the agency had misled them. " +
        "Hart said praise from the governor would not change his mind. " +
        "Elected officials from both parties say the bridge is unsafe. " +
        "However, 63 percent said the tax was fair.",
    );
    expect(find(claims, "vote would go ahead").attribution.speaker).toBe("Paul Hart");
    expect(find(claims, "hearing ran late").attribution.speaker).toBeNull();
    expect(find(claims, "agency had misled").attribution.speaker).toBe("Democrats");
    expect(find(claims, "praise from the governor would not change").attribution.speaker).toBe("Paul Hart");
    expect(find(claims, "bridge is unsafe").attribution.speaker).toMatch(/officials/);
    // A share on its own is no speaker: the article reports the result in its own voice.
    expect(find(claims, "63 percent said the tax was fair").attribution.speaker).toBeNull();
  });

  it("reads 'it' as the organisation that speaks and a programme title as part of the listener", () => {
    const { claims } = run(
      'The Ministry of Health said it would open two clinics. Dr Ana Ruiz told NBC\'s "Meet the Press" that the clinics were late. Corvex said it would appeal. Ana Ruiz said it was a mistake.',
    );
    expect(find(claims, "would appeal").text).toBe("Corvex would appeal");
    expect(find(claims, "was a mistake").text).toBe("It was a mistake");
    expect(find(claims, "would open two clinics").text).toMatch(/^(?:The )?Ministry of Health would open/);
    const late = find(claims, "clinics were late");
    expect(late.text).toBe("The clinics were late");
    expect(late.attribution.speaker).toBe("Ana Ruiz");
  });

  it("carries a report across a semicolon and narrows a speaker by its relative clause", () => {
    const { claims } = run(
      "Officials said the timing was not intentional; they learned of the deal on Friday. " +
        "The deals did not require witnesses to testify, sources who reviewed them told the Gazette. " +
        'The river is rising; the dam is holding. "The levee will hold," said Mayor Ana Ruiz, the head of the flood board, in a statement.',
    );
    expect(find(claims, "learned of the deal").attribution.speaker).toMatch(/officials/i);
    expect(find(claims, "did not require witnesses").attribution.speaker).toMatch(/sources/i);
    expect(find(claims, "dam is holding").attribution.speaker).toBeNull();
    const levee = find(claims, "levee will hold");
    expect(levee.text).toBe("The levee will hold");
    expect(levee.attribution.speaker).toBe("Ana Ruiz");
  });

  it("reads 'called X Y', 'agreed that', 'polls showed' and speakers shortened by a participle", () => {
    const { claims } = run(
      "The campaign called the charges unsubstantiated and fabricated by former employees. The mayor called the police on Friday. " +
        "All agreed that the plan would raise taxes. The company agreed to clean up the mines. " +
        "Instant polls showed Hart was the winner. A poll released in late August found that most voters backed the levy.",
    );
    const label = find(claims, "charges unsubstantiated");
    expect(label.attribution.speaker).toMatch(/campaign/);
    expect(label.text).toMatch(/unsubstantiated and fabricated/);
    expect(find(claims, "called the police").attribution.speaker).toBeNull();
    expect(find(claims, "plan would raise taxes").attribution.cue).toBe("agreed");
    expect(find(claims, "agreed to clean up").attribution.speaker).toBeNull();
    expect(find(claims, "was the winner").attribution.cue).toBe("showed");
    expect(find(claims, "most voters backed the levy").attribution.speaker).toMatch(/poll released in late August/);
  });

  it("reads cues in the progressive, with a duration between the cue and its content", () => {
    const { claims } = run(
      "Donald Trump spoke in Ohio. He's claiming that voting fraud is widespread. " +
        "Senator Maria Lopez has been saying for months that the bridge is unsafe. Rents are expected to rise.",
    );
    const fraud = find(claims, "voting fraud is widespread");
    expect(fraud.attribution.speaker).toBe("Donald Trump");
    expect(fraud.attribution.cue).toBe("claiming");
    const bridge = find(claims, "bridge is unsafe");
    expect(bridge.text).toBe("The bridge is unsafe");
    expect(bridge.attribution.speaker).toBe("Maria Lopez");
    expect(find(claims, "rents are expected").attribution.speaker).toBeNull();
  });

  it("does not read nouns that look like cues as frames", () => {
    const { claims } = run(
      "A set of Clean Air Act rules that could lead to closures drew fire. The party's existing rules empower the committee. " +
        "The coal market slid as demand from China cooled. Some state officials praised the work. He said that would cost jobs.",
    );
    for (const words of ["could lead to closures", "rules empower the committee", "demand from China"])
      expect(find(claims, words).attribution.speaker).toBeNull();
    // "state" is no cue here; "praised" is (an evaluation).
    expect(find(claims, "praised the work").attribution.speaker).toBe("state officials");
    expect(find(claims, "would cost jobs").attribution.cue).toBe("said");
  });

  it("reads a wire story: dateline lede, 'the company', a participle after the cue, a relative after the speaker", () => {
    const text =
      "Acme shares slump after profit warning\n\nBy Jane Doe\nMarch 3, 2025\n\n" +
      "NEW YORK (Reuters) - Shares of Acme Corp fell 12% on Monday after the toolmaker cut its profit forecast, blaming weaker demand in Europe.\n\n" +
      "The company now expects adjusted earnings of $2.10 per share for 2025.\n\n" +
      '"They should have seen this coming," said Tom Baker, a portfolio manager at Hill Capital, which owns Acme shares.';
    const { article, claims } = Extraction.parse(
      extract({ bytes: new TextEncoder().encode(text), fileName: "wire.txt" }),
    );
    expect(article.authors).toEqual(["Jane Doe"]);
    expect(find(claims, "fell 12% on Monday").attribution.speaker).toBeNull();
    expect(find(claims, "blamed weaker demand").text).toMatch(/^The toolmaker blamed/);
    const outlook = find(claims, "adjusted earnings");
    expect(outlook.attribution.speaker).toBe("Acme Corp");
    expect(outlook.certainty).toBe("probable");
    expect(find(claims, "seen this coming").attribution.speaker).toBe("Tom Baker");
    expect(find(claims, "Hill Capital owns Acme shares").attribution.speaker).toBeNull();
  });

  it("splits a speaker's description from its relative clause and skips a sentence adverb after the cue", () => {
    const { claims } = run(
      "Peter Walsh, an ecologist at James Cook University who was not involved in the study, said the models may overestimate losses. " +
        'He noted, however, that the overall trend was "alarming."',
    );
    expect(find(claims, "is an ecologist at James Cook University").attribution.speaker).toBeNull();
    const involved = find(claims, "was not involved in the study");
    expect(involved.text).toBe("Peter Walsh was not involved in the study");
    expect(involved.polarity).toBe("negative");
    const trend = find(claims, "overall trend");
    expect(trend.text).toMatch(/^The overall trend was/);
    expect(trend.attribution.cue).toBe("noted");
  });

  it("resolves a weekday by the verb it belongs to, not by a modal elsewhere in the sentence", () => {
    const { claims } = run(
      "Reefs could vanish within 50 years, according to a study published on Wednesday in the journal Nature.",
    );
    // Published Thursday 2024-03-14: the Wednesday of a past publication is the day before.
    expect(find(claims, "reefs could vanish").time?.start).toBe("2024-03-13");
  });

  it("reads a press release: its dateline and date, no claims from its closing boilerplate", () => {
    const text =
      "FOR IMMEDIATE RELEASE\n\nCity of Springfield Announces New Flood Defenses\n\n" +
      "SPRINGFIELD, Ill., Jan. 15, 2025 /PRNewswire/ -- The City of Springfield today announced a $40 million plan to strengthen flood defenses. Construction will begin in April.\n\n" +
      '"This investment will protect more than 5,000 homes," said Mayor Linda Carter.\n\n' +
      "The project is funded by a federal grant and a city bond approved by voters last November.\n\n" +
      "About the City of Springfield\nSpringfield is the capital of Illinois.\n\nMedia Contact:\nJohn Smith\npress@springfield.gov\n";
    const { article, claims } = Extraction.parse(
      extract({ bytes: new TextEncoder().encode(text), fileName: "pr.txt" }),
    );
    expect(article.publishedAt).toBe("2025-01-15");
    expect(find(claims, "$40 million plan").attribution.speaker).toBe("City of Springfield");
    expect(find(claims, "will begin in April").time?.start).toBe("2025-04-01");
    expect(find(claims, "federal grant and a city bond approved by voters").text).toMatch(/^The project is funded/);
    expect(claims.some((c) => /capital of Illinois|PRNewswire/.test(c.text))).toBe(false);
  });

  it("reads an opinion piece: intransitive cues, a trailing frame after a phrase, the times of lifted clauses", () => {
    const { claims } = run(
      "Five years later, the numbers tell a different story. Some drivers still complain, but most have adapted. " +
        'Council member Rosa Diaz, who opposed the lanes in 2019, now supports expanding them. "I was wrong," she told me last week.',
    );
    expect(find(claims, "numbers tell a different story").attribution.speaker).toBeNull();
    expect(find(claims, "most have adapted").attribution.speaker).toBeNull();
    expect(find(claims, "now supports expanding them").time).toBeNull();
    expect(find(claims, "opposed the lanes in 2019").time?.start).toBe("2019-01-01");
    expect(find(claims, "I was wrong").attribution.speaker).toBe("Rosa Diaz");
  });

  it("reads a quantity before a trailing frame, a relative after 'according to X', and future weekdays", () => {
    const { claims } = run(
      "About 42,000 homes are without electricity, the grid operator Northline said in an update on its website. " +
        "Engineers expect to restore supplies by Sunday evening. All schools will stay closed on Monday, the authority announced. " +
        "Gusts of 130 km/h were recorded, according to the weather service, which has issued a red warning.",
    );
    expect(find(claims, "42,000 homes are without electricity").attribution.speaker).toMatch(/Northline/);
    // Published Thursday 2024-03-14: the coming Sunday and Monday.
    expect(find(claims, "restore supplies").time?.start).toBe("2024-03-17");
    expect(find(claims, "schools will stay closed").time?.start).toBe("2024-03-18");
    const warning = find(claims, "issued a red warning");
    expect(warning.text).toMatch(/^The weather service has issued/);
    expect(warning.attribution.speaker).toBeNull();
  });

  it("resolves a sentence-initial 'it' to the definite thing before it, never a dummy 'it' or a quoted one", () => {
    const { claims } = run(
      "The project includes raising three miles of levees. It is funded by a federal grant. " +
        "The budget was approved. It is unclear whether the work will start in May. " +
        'Mayor Ana Ruiz spoke on Monday. "It is the right thing to do," Ruiz said.',
    );
    expect(find(claims, "funded by a federal grant").text).toMatch(/^The project is funded/);
    expect(find(claims, "unclear whether").text).toMatch(/^It is unclear/);
    const jobs = run("Acme Corp reported a loss of $2 billion. It also cut 500 jobs in Ohio.").claims;
    expect(find(jobs, "cut 500 jobs").text).toMatch(/^Acme Corp also cut 500 jobs/);
    expect(find(claims, "right thing to do").text).toMatch(/^It is the right thing/);
  });

  it("resolves 'it' in a transcript answer to the answer's own earlier subject", () => {
    const { claims } = run(
      "DR. ALAN CHEN: The advisory was a precaution. It will be lifted on April 1.\n\nSEN. MARIA LOPEZ: Thank you.",
    );
    const lifted = find(claims, "lifted on April 1");
    expect(lifted.text).toMatch(/^The advisory will be lifted/);
    expect(lifted.attribution.speaker).toBe("Alan Chen");
  });

  it("reads trailing frames with a bare weekday, a listener and a circumstance, or a participle title", () => {
    const { claims } = run(
      '"Europe must be able to defend itself," President Paul Hart said Friday as he entered the talks. ' +
        '"We are in a critical situation," Chancellor Ana Ruiz told reporters after the meeting that was held on a boat. ' +
        '"The levee is safe," retired Army general Lloyd Newton said. The van left early, another source said. ' +
        "Though it is hard to judge, experts say it underscores the regime's resolve.",
    );
    expect(find(claims, "defend itself").attribution.speaker).toBe("Paul Hart");
    expect(find(claims, "critical situation").attribution.speaker).toBe("Ana Ruiz");
    expect(find(claims, "levee is safe").attribution.speaker).toBe("Lloyd Newton");
    expect(find(claims, "van left early").attribution.speaker).toMatch(/source/);
    expect(find(claims, "underscores the regime's resolve").attribution.speaker).toBe("experts");
  });

  it("reads a dash credit, an interrupting frame, inverted 'admitted', and a participle opener", () => {
    const { claims } = run(
      "The ministry said the bridge would reopen.\n\n" +
        '"We will rebuild every school." — Governor Ana Ruiz\n\n' +
        "The plan, Ruiz said, would cost $3 billion. Asked whether taxes would rise, Ruiz said no. " +
        '"I do not know the answer," admitted Ruiz.',
    );
    expect(find(claims, "rebuild every school").attribution.speaker).toBe("Ana Ruiz");
    const plan = find(claims, "would cost $3 billion");
    expect(plan.text).toBe("The plan would cost $3 billion");
    expect(plan.attribution.speaker).toBe("Ana Ruiz");
    expect(claims.some((c) => c.text === "Asked whether taxes would rise")).toBe(false);
    expect(find(claims, "do not know the answer").attribution.cue).toBe("admitted");
  });

  it("finds a report inside a circumstance or a relative clause, and no trailing frame on a cue with an object", () => {
    const { claims } = run(
      "Members of the caucus held a press conference, shortly after Trump said he finally believes the report. " +
        "The host took calls from listeners who said they had misgivings about the plan. " +
        "Deeply divided about the budget, leaders found little unity on a vision for Europe. " +
        '"It never crossed my mind," she said several months after her release. "I am proud of you," Mr. Clarke told some of the miners.',
    );
    expect(find(claims, "held a press conference").text).toBe("Members of the caucus held a press conference");
    expect(find(claims, "finally believes the report").attribution.speaker).toBe("Trump");
    expect(find(claims, "took calls from listeners").attribution.speaker).toBeNull();
    expect(find(claims, "had misgivings about the plan").attribution.speaker).toBe("listeners");
    expect(find(claims, "deeply divided").attribution.speaker).toBeNull();
    expect(find(claims, "proud of you").attribution.speaker).toMatch(/Clarke/);
    expect(find(claims, "never crossed my mind").attribution.cue).toBe("said");
  });

  it("types speakers by their head noun: studies and polls are documents, a middle initial is a person", () => {
    const { claims } = run(
      "A study published on Wednesday found that reefs are shrinking. Analysts polled by LSEG had expected a loss. " +
        '"He is a master," Lawrence B. Cummings said. All agreed that the plan would fail.',
    );
    expect(find(claims, "reefs are shrinking").attribution.speakerType).toBe("document");
    expect(find(claims, "expected a loss").attribution.speakerType).toBe("group");
    expect(find(claims, "is a master").attribution.speakerType).toBe("person");
    expect(find(claims, "plan would fail").attribution.speakerType).toBe("group");
  });

  it("types speakers: titles, hosts and described names are persons, a ministry an organisation, parties groups", () => {
    const { claims } = run(
      "The mayor said the pier would reopen. The talk-show host said the fares were too high. " +
        "The ministry said the report had arrived late. Longtime pollster Rosalind Quarry said turnout would fall. " +
        "Talk radio star Lyle Brannock mocked the plan. Brannock said the plan would fail. " +
        "Sen. Ada Pellow (D-Ore.) said the vote was close. Democrats said the bill was dead.",
    );
    const of = (words: string) => find(claims, words).attribution;
    expect(of("pier would reopen").speakerType).toBe("person");
    expect(of("fares were too high").speakerType).toBe("person");
    expect(of("report had arrived late").speakerType).toBe("organization");
    expect(of("turnout would fall")).toMatchObject({ speaker: "Rosalind Quarry", speakerType: "person" });
    expect(of("plan would fail")).toMatchObject({ speaker: "Lyle Brannock", speakerType: "person" });
    expect(of("vote was close")).toMatchObject({ speaker: "Ada Pellow", speakerType: "person" });
    expect(of("bill was dead").speakerType).toBe("group");
  });

  it("reads no fragment as a speaker: a clause, a quantity, an adverb or a conjunction around it", () => {
    const { claims } = run(
      "Though she called the plan reckless, Senator Ada Pellow said it would pass. " +
        "Pellow has often said the tax was unfair. Another 19 percent said they were unsure. " +
        "Governor Lyle Brannock this week also said the bridge was safe.",
    );
    for (const c of claims)
      if (c.attribution.speaker) expect(c.attribution.speaker).toMatch(/^(?:Ada Pellow|Lyle Brannock)$/);
    expect(find(claims, "tax was unfair").attribution.speaker).toBe("Ada Pellow");
    expect(find(claims, "bridge was safe").attribution.speaker).toBe("Lyle Brannock");
    expect(find(claims, "19 percent said they were unsure").attribution.speaker).toBeNull();
    // After a poll, a share is of its respondents: the poll reports it.
    const polled = run(
      "A survey released on Monday found that most voters backed the levy. Twelve percent said they were unsure.",
    );
    expect(find(polled.claims, "unsure").attribution).toMatchObject({ speakerType: "document" });
    expect(find(polled.claims, "unsure").attribution.speaker).toMatch(/survey/);
  });

  it("makes no claim of what the outlet tells its readers, of greetings and sign-offs, or of a notice in capitals", () => {
    const { claims } = run(
      "Good morning and welcome to our live coverage of the storm. We're following the repairs on the coast road. " +
        "The council will meet at 4 p.m. We'll bring you that live. The mayor said the road would reopen. " +
        "That's where we'll leave our live coverage for today. The interview has been edited for length and clarity. " +
        "NOT FOR DISTRIBUTION IN OR INTO ANY OTHER JURISDICTION WHERE IT WOULD BE UNLAWFUL. " +
        "Hi-tech firms raised their prices. Ana Ruiz, thank you both.",
    );
    const texts = claims.map((c) => c.text).join("\n");
    for (const gone of [
      "welcome",
      "following the repairs",
      "bring you",
      "leave our",
      "edited for length",
      "UNLAWFUL",
      "thank you",
    ])
      expect(texts).not.toContain(gone);
    find(claims, "council will meet");
    find(claims, "road would reopen");
    find(claims, "Hi-tech firms raised");
  });

  it("gives a paragraph labelled with a person's name to that person, in an interview and in a live blog", () => {
    const { claims } = run(
      "We asked the harbour economist Greta Vollan what comes next.\n\nQ: Will fares rise?\n\n" +
        "Vollan: Fares will rise by June. The ferry company needs the money.\n\nDetails: The pier closed in May.",
    );
    expect(find(claims, "Fares will rise").attribution.speaker).toBe("Greta Vollan");
    expect(find(claims, "ferry company needs the money").attribution.speaker).toBe("Greta Vollan");
    expect(find(claims, "pier closed").attribution.speaker).toBeNull();
  });

  it("reads a court report: ', ruling that', 'wrote in an order that', 'and that', a dated participle", () => {
    const { claims } = run(
      "A federal judge on Tuesday blocked the closures, ruling that officials had not given proper notice. " +
        'Judge Marcus Bell wrote in a 24-page order that the closures "would cause irreparable harm." ' +
        "The lawsuit, filed in December by the Legal Aid Society, alleges that the city broke state law. " +
        "The city's lawyers argued that the shelters were unsafe and that residents would be moved.",
    );
    expect(find(claims, "had not given proper notice").attribution.cue).toBe("ruling");
    expect(find(claims, "irreparable harm").text).toMatch(/^The closures/);
    expect(find(claims, "was filed in December").attribution.speaker).toBeNull();
    expect(find(claims, "city broke state law").attribution.speaker).toMatch(/lawsuit/);
    expect(find(claims, "shelters were unsafe").text).toBe("The shelters were unsafe");
    expect(find(claims, "residents would be moved").attribution.cue).toBe("argued");
  });

  it("reads British single quotation marks without taking apostrophes for them", () => {
    const { claims } = run(
      "‘We will fix the roads that people use every day,’ Louise Haigh said. ‘Drivers have waited long enough.’ " +
        "The drivers’ union said the plan was ‘a drop in the ocean’ and didn’t go far enough.",
    );
    const roads = find(claims, "fix the roads");
    expect(roads.text).toBe("We will fix the roads that people use every day");
    expect(roads.attribution.speaker).toBe("Louise Haigh");
    const drivers = find(claims, "waited long enough");
    expect(drivers.text).toBe("Drivers have waited long enough.");
    expect(drivers.attribution.speaker).toBe("Louise Haigh");
    expect(find(claims, "drop in the ocean").attribution.speaker).toMatch(/union/);
  });

  it("keeps an open question positive and reads what markets price in as probable", () => {
    const { claims } = run(
      "It was not clear which of the member countries would send leaders. Markets were pricing in one further rate cut. " +
        "It was not clear.",
    );
    expect(find(claims, "which of the member countries").polarity).toBe("positive");
    expect(find(claims, "pricing in one further").certainty).toBe("probable");
  });

  it("reads unnamed sources: people familiar with the matter, officials who spoke on condition of anonymity", () => {
    const { claims } = run(
      "The company is preparing to cut 2,000 jobs, people familiar with the matter said. " +
        "The minister told reporters at the White House that the sanctions would remain. " +
        "Officials, who spoke on condition of anonymity because they were not authorized to speak, said the plan had been delayed.",
    );
    const jobs = find(claims, "cut 2,000 jobs");
    expect(jobs.attribution.speaker).toBe("people familiar with the matter");
    expect(jobs.attribution.anonymous).toBe(true);
    expect(find(claims, "sanctions would remain").text).toBe("The sanctions would remain");
    expect(find(claims, "plan had been delayed").attribution.anonymous).toBe(true);
  });

  it("reads a match report: a 'with X scoring' absolute, and a club title before a manager's name", () => {
    const { claims } = run(
      "United beat City 2-1 on Sunday, with Marcus Rashford scoring the winner in the 88th minute. " +
        'City boss Pep Guardiola said his side had "lost control" after the break.',
    );
    expect(find(claims, "scored the winner").text).toMatch(/^Marcus Rashford scored the winner/);
    expect(find(claims, "lost control").attribution.speaker).toBe("Pep Guardiola");
  });

  it("attributes an embedded post to its author, without the handle, via X", () => {
    const html =
      '<html><head><meta property="article:published_time" content="2025-04-10T12:00:00Z"></head><body><article>' +
      "<h1>Senator slams plan</h1><p>Senator Maria Lopez criticized the transit plan on Thursday.</p>" +
      '<blockquote class="twitter-tweet"><p>This plan will raise fares for working families.</p>&mdash; Maria Lopez (@SenLopez) <a href="https://twitter.com/x">April 10, 2025</a></blockquote>' +
      "</article></body></html>";
    const { claims } = Extraction.parse(extract({ bytes: new TextEncoder().encode(html), fileName: "post.html" }));
    const post = find(claims, "raise fares");
    expect(post.attribution.speaker).toBe("Maria Lopez");
    expect(post.attribution.via).toContain("X (Twitter)");
  });

  it("reads an emphasised byline in Markdown and makes no claim of a signpost to the reader", () => {
    const md =
      "# Five things we learned from the budget\n\n*By Priya Shah · 12 March 2025*\n\n" +
      "The chancellor delivered her first budget on Wednesday. Here is what it means for you.\n";
    const { article, claims } = Extraction.parse(extract({ bytes: new TextEncoder().encode(md), fileName: "b.md" }));
    expect(article.authors).toEqual(["Priya Shah"]);
    expect(article.publishedAt).toBe("2025-03-12");
    expect(find(claims, "delivered her first budget").time?.start).toBe("2025-03-12");
    expect(claims.some((c) => /what it means for you/.test(c.text))).toBe(false);
  });

  it("takes the channel a leading adverbial names", () => {
    const { claims } = run(
      "In an interview with CNN on Sunday, Senator Maria Lopez said the bill would pass by June. " +
        "Speaking on BBC Radio 4, the minister said prices would fall. In a post on X, Lopez wrote that the bill was dead.",
    );
    expect(find(claims, "bill would pass").attribution.via).toContain("CNN");
    expect(find(claims, "prices would fall").attribution.via).toContain("BBC Radio 4");
    expect(find(claims, "bill was dead").attribution.via).toContain("X (Twitter)");
  });

  it("takes the utterance a report was made in as its channel, for the speaker's later frames of the paragraph", () => {
    const { claims } = run(
      "In an email on Tuesday, ferry spokeswoman Dana Kell said the crossing would reopen in April. " +
        "\u201cNo crew member was hurt,\u201d she wrote. The mayor said the pier was safe.\n\n" +
        "Kell said the fares would not rise.",
    );
    expect(find(claims, "crossing would reopen").attribution.via).toEqual(["email"]);
    expect(find(claims, "No crew member was hurt").attribution.via).toEqual(["email"]);
    expect(find(claims, "pier was safe").attribution.via).toEqual([]);
    // A new paragraph after another speaker's frame names no channel: nothing is carried over.
    expect(find(claims, "fares would not rise").attribution.via).toEqual([]);
    // The paragraph right after the same speaker's post carries on through it.
    const posted = run(
      "In a post on X, the minister of transport, Aleksi Vormberg, said the bridge would be rebuilt.\n\n" +
        "\u201cThe bridge is vital to the region,\u201d he wrote.\n\nOn Friday, Vormberg said tolls would fall.",
    );
    expect(find(posted.claims, "bridge is vital").attribution).toMatchObject({
      speaker: "Aleksi Vormberg",
      speakerType: "person",
      via: ["X (Twitter)"],
    });
    expect(find(posted.claims, "tolls would fall").attribution.via).toEqual([]);
  });

  it("resolves a surname of several words to the full name quoted before", () => {
    const { claims } = run(
      "European Commission President Ursula von der Leyen said the EU would respond firmly. Von der Leyen added that talks would continue.",
    );
    expect(find(claims, "talks would continue").attribution.speaker).toBe("Ursula von der Leyen");
  });

  it("resolves 'one of them' to one person of the group that spoke last", () => {
    const { claims } = run(
      "The brewer has hired advisers, people close to the talks said. A sale could follow in June, one of them said.",
    );
    const one = find(claims, "sale could follow").attribution;
    expect(one.speaker).toBe("one of the people close to the talks");
    expect(one.speakerType).toBe("person");
    expect(one.anonymous).toBe(true);
  });

  it("pairs a straight opening quotation mark with a curly closing one", () => {
    const { claims } = run(
      "Senator Paul Hart said the files were sorted by lawyers. " +
        'They sorted the "work-related” emails from the “personal” ones. The work messages were made public.',
    );
    expect(find(claims, "work messages were made public").attribution.speaker).toBeNull();
  });

  it("resolves a pronoun to whom it meant when its sentence was read, not to a name further on", () => {
    const { claims } = run(
      "Hillary Clinton spoke in Ohio on Tuesday. She criticised the tariffs and praised President Barack Obama's record.",
    );
    expect(find(claims, "criticised the tariffs").text).toMatch(/^Hillary Clinton criticised/);
  });

  it("cuts a long 'according to' source before its description, and splits 'and that' over an aside", () => {
    const { claims } = run(
      "Sea ice shrank by 9% over the decade, according to satellite records of the polar regions published on Monday by the Norwegian Polar Institute's climate unit in Tromsø in northern Norway. Dr. Ida Berg cautioned that the records began late and that older figures, including ship logs, were less precise.",
    );
    const ice = find(claims, "sea ice shrank");
    expect(ice.text).not.toMatch(/according/);
    expect(ice.attribution.speaker).toBe("satellite records of the polar regions");
    expect(ice.attribution.speakerType).toBe("document");
    expect(find(claims, "records began late").text).not.toMatch(/older figures/);
    expect(find(claims, "older figures").attribution.speaker).toBe("Ida Berg");
  });

  it("takes 'the company' for the business that spoke last, not a university named since", () => {
    const { claims } = run(
      "Halvard said it would seek approval next year. The trial was led by a team at Lund University. Regulators in Norway are reviewing the file, the company said.",
    );
    expect(find(claims, "reviewing the file").attribution.speaker).toBe("Halvard");
  });

  it("reads 'they' as the group that speaks, counted groups as groups, and a 'whose' aside as the owner's", () => {
    const { claims } = run(
      "The board will vote on the levy on Friday. Three of the seven board members said they oppose the levy. An aide to Sen. Rosa Lind, whose state hosts the plant, said Lind would visit.",
    );
    const oppose = find(claims, "oppose the levy");
    expect(oppose.text).toMatch(/^Three of the seven board members oppose the levy/);
    expect(oppose.attribution.speakerType).toBe("group");
    expect(oppose.time).toBeNull();
    expect(find(claims, "hosts the plant").text).toMatch(/^Sen\. Rosa Lind's state hosts the plant/);
    expect(find(claims, "hosts the plant").attribution.speaker).toBeNull();
  });

  it("takes the name after an inverted speaker's title, and no later person whose title differs", () => {
    const { claims } = run(
      "“This is a fair settlement,” said the union’s general secretary, Mick Lyons. Health Secretary Louise Hay welcomed the settlement and said ministers had not joined the talks.",
    );
    const fair = find(claims, "fair settlement");
    expect(fair.attribution.speaker).toBe("Mick Lyons");
    expect(fair.attribution.speakerType).toBe("person");
    expect(find(claims, "Mick Lyons is the union").attribution.speaker).toBeNull();
    expect(find(claims, "ministers had not joined").attribution.speaker).toBe("Louise Hay");
  });

  it("completes list items with the unfinished clause that introduces them, and credits a list a frame introduces", () => {
    const md = [
      "# Harbour plan",
      "",
      "The council approved the harbour plan on Monday. The plan provides for:",
      "",
      "- a new sea wall by 2029;",
      "- two extra ferry berths.",
      "",
      "The harbour master, Ines Kahl, said on Tuesday:",
      "",
      "- dredging will start in March",
      "- the fish market will stay open",
      "",
      "Key figures:",
      "",
      "- a budget of €40m",
    ].join("\n");
    const { claims } = Extraction.parse(extract({ bytes: new TextEncoder().encode(md), fileName: "a.md" }));
    expect(find(claims, "sea wall").text).toBe("The plan provides for a new sea wall by 2029");
    expect(find(claims, "sea wall").evidence.quote).toBe("a new sea wall by 2029");
    expect(find(claims, "ferry berths").text).toMatch(/^The plan provides for two extra ferry berths/);
    expect(find(claims, "dredging will start").attribution.speaker).toBe("Ines Kahl");
    expect(find(claims, "fish market").attribution.speaker).toBe("Ines Kahl");
    expect(claims.some((c) => /said on Tuesday/.test(c.text))).toBe(false);
  });

  it("reads 'X disputes that figure' as an act, coordinated modifiers as one phrase, and a dated participle as past", () => {
    const { claims } = run(
      "About 9,000 tenants lack a lease, according to a survey by the union. The city disputes that figure. The rule, adopted by the council in May, burdens poor and retired tenants. Rivo Homes said rents would rise. Applicants need an ID. The company denies the claims.",
    );
    const disputes = find(claims, "disputes that figure");
    expect(disputes.text).toBe("The city disputes that figure");
    expect(disputes.polarity).toBe("positive");
    expect(find(claims, "burdens poor and retired tenants").text).toMatch(/^The rule burdens poor and retired tenants/);
    expect(find(claims, "adopted by the council").text).toMatch(/^The rule was adopted by the council in May/);
    expect(find(claims, "denies the claims").attribution.speaker).toBe("Rivo Homes");
  });

  it("reads a transcript: a surname label as the full name before, 'we' as the turn's speaker, 'by Friday' ahead", () => {
    const text = [
      "Briefing on the bridge closure",
      "",
      "June 2, 2026",
      "",
      "GOVERNOR LENA MARSH: Good morning. We expect the bridge to reopen by Wednesday evening.",
      "",
      "REPORTER: When was it last inspected?",
      "",
      "MARSH: I have asked the agency for a full report by Friday.",
    ].join("\n");
    const { claims } = Extraction.parse(extract({ bytes: new TextEncoder().encode(text), fileName: "a.txt" }));
    const reopen = find(claims, "bridge to reopen");
    expect(reopen.attribution.speaker).toBe("Lena Marsh");
    expect(reopen.time?.start).toBe("2026-06-03");
    const report = find(claims, "full report");
    expect(report.attribution.speaker).toBe("Lena Marsh");
    expect(report.time?.start).toBe("2026-06-05");
  });

  it("reads an earnings release: the company behind a ticker, 'compared with' kept, legal notices dropped", () => {
    const text = [
      "Harlow Foods Reports Second Quarter Results",
      "",
      "CHICAGO, Aug. 4, 2026 /PRNewswire/ -- Harlow Foods Inc. (NASDAQ: HRLW) today reported quarterly revenue of $310 million.",
      "",
      "The Company now expects full-year sales of $1.3 billion, compared with its earlier forecast of $1.2 billion.",
      "",
      "Forward-Looking Statements",
      "This release contains forward-looking statements. Actual results may differ materially.",
      "",
      "About Harlow Foods",
      "Harlow Foods makes snacks.",
    ].join("\n");
    const { claims } = Extraction.parse(extract({ bytes: new TextEncoder().encode(text), fileName: "a.txt" }));
    const outlook = find(claims, "full-year sales");
    expect(outlook.attribution.speaker).toBe("Harlow Foods Inc.");
    expect(outlook.text).toMatch(/compared with its earlier forecast of \$1\.2 billion$/);
    expect(claims.some((c) => /forward-looking|differ materially|makes snacks/i.test(c.text))).toBe(false);
  });

  it("reads 'Asked …, X said:', a courtesy-titled surname as a person, and 'warn she …' as content", () => {
    const { claims } = run(
      'Asked on BBC Radio 4 whether fares would rise, Tomas Reyes said: "We will freeze them until 2028." Mr Reyes later left the studio. Analysts warn he faces a revolt.',
    );
    const freeze = find(claims, "freeze them");
    expect(freeze.attribution.speaker).toBe("Tomas Reyes");
    expect(freeze.attribution.speakerType).toBe("person");
    expect(freeze.attribution.via).toContain("BBC Radio 4");
    const revolt = find(claims, "faces a revolt");
    expect(revolt.attribution.speaker).toBe("Analysts");
    expect(revolt.text).not.toMatch(/^Analysts faces/);
  });

  it("strips a descriptive title such as 'campaigner' from a speaker's name, and reads her 'it' as what she named", () => {
    const { claims } = run(
      'Housing campaigner Rosa Vidal welcomed the ruling but said it was "long overdue" for tenants.',
    );
    const overdue = find(claims, "long overdue");
    expect(overdue.attribution.speaker).toBe("Rosa Vidal");
    expect(overdue.attribution.speakerType).toBe("person");
    expect(overdue.text).toMatch(/^The ruling was "long overdue"/);
  });

  it("reads 'asking not to be named' after a frame as anonymity, and 'one of the sources' as one person", () => {
    const { claims } = run(
      "A deal could be signed this month, two of the people said, asking not to be named because the talks are private. The order would be the carrier's largest, one of the sources said.",
    );
    const deal = find(claims, "deal could be signed");
    expect(deal.text).not.toMatch(/asking|named/);
    expect(deal.attribution.anonymous).toBe(true);
    expect(deal.attribution.speakerType).toBe("group");
    expect(claims.some((c) => /talks are private/.test(c.text))).toBe(false);
    const order = find(claims, "carrier's largest");
    expect(order.attribution.speaker).toBe("one of the sources");
    expect(order.attribution.speakerType).toBe("person");
  });

  it("gives claims in the article's own voice a null speaker", () => {
    const { claims } = run("Heavy rain flooded 200 homes in the valley on Sunday.");
    expect(find(claims, "flooded 200 homes").attribution.speaker).toBeNull();
  });
});

describe("atomic claims", () => {
  it("splits coordinated predicates, but-clauses and non-restrictive relative clauses", () => {
    const { claims } = run(
      "The company, which employs 3,000 people, cut its forecast and closed two plants, but its shares rose 4%.",
    );
    expect(find(claims, "employs 3,000").text).toMatch(/^The company employs 3,000 people/);
    expect(find(claims, "cut its forecast").text).not.toMatch(/closed/);
    expect(find(claims, "closed two plants").text).toMatch(/^The company closed two plants/);
    expect(find(claims, "shares rose").text).not.toMatch(/forecast/);
  });

  it("reads a cue verb with a plain object as a predicate, and keeps a relative clause's predicates together", () => {
    const { claims } = run(
      "The plan also includes a 3 percent raise for nurses and adds 12 ambulances. The board backed a levy that funds two clinics and raises fares.",
    );
    expect(find(claims, "adds 12 ambulances").text).toMatch(/^The plan also adds 12 ambulances/);
    expect(find(claims, "adds 12 ambulances").attribution.speaker).toBeNull();
    expect(find(claims, "raises fares").text).toMatch(
      /^The board backed a levy that funds two clinics and raises fares/,
    );
  });

  it("splits a parallel list of phrases, a 'whose' clause, and ', citing X' as what the subject cited", () => {
    const { claims } = run(
      "The mill sends timber to Oslo and to Bergen. Nordwood, whose sales fell 8% last year, closed a sawmill, citing weak demand.",
    );
    expect(find(claims, "to Oslo").text).toMatch(/^The mill sends timber to Oslo$/);
    expect(find(claims, "to Bergen").text).toMatch(/^The mill sends timber to Bergen/);
    expect(find(claims, "sales fell").text).toMatch(/^Nordwood's sales fell 8% last year/);
    expect(find(claims, "closed a sawmill").text).not.toMatch(/whose|citing/);
    expect(find(claims, "weak demand").text).toMatch(/^Nordwood cited weak demand/);
  });

  it("splits noun phrases joined by a repeated 'of', not a clause between them", () => {
    const { claims } = run(
      "The mayor has the support of the fishing fleet and of traders holding half of the stalls. The head of the union resigned and of course nobody replaced him.",
    );
    expect(find(claims, "fishing fleet").text).toMatch(/^The mayor has the support of the fishing fleet$/);
    expect(find(claims, "traders holding").text).toMatch(/^The mayor has the support of traders holding half/);
    expect(find(claims, "head of the union").text).toMatch(/^The head of the union resigned/);
  });

  it("makes a cause its own claim", () => {
    const { claims } = run("The match was postponed due to heavy snow across the region.");
    expect(find(claims, "match was postponed").text).not.toMatch(/snow/);
    find(claims, "heavy snow");
  });
});

describe("certainty, polarity and time", () => {
  it("reads hedges, modals and negation", () => {
    const { claims } = run(
      "The council is expected to approve the plan. Prices could rise further. The factory has not reopened since January. Officials denied that the water was contaminated.",
    );
    expect(find(claims, "approve the plan").certainty).toBe("probable");
    expect(find(claims, "prices could rise").certainty).toBe("possible");
    const factory = find(claims, "factory has not reopened");
    expect(factory.polarity).toBe("negative");
    expect(factory.time?.start).toBe("2024-01-01");
    expect(find(claims, "water was contaminated").polarity).toBe("negative");
  });

  it("borrows no time across a change of tense, and reads 'within six months' after a past verb as no date", () => {
    const { claims } = run(
      "The firm said it would open a plant early next year. The firm did not disclose the cost. In the trial, pain eased within six months.",
    );
    expect(find(claims, "open a plant").time?.start).toBe("2025-01-01");
    expect(find(claims, "did not disclose").time).toBeNull();
    expect(find(claims, "pain eased").time).toBeNull();
  });

  it("reads 'no' before a noun as a negation, but not 'no doubt', 'no more than' or a subordinate clause's", () => {
    const { claims } = run(
      "No injuries were reported at the depot. The audit gives no figure for the losses. No more than 40 people attended the hearing. There is no doubt the dam held. Tenants are paying more while being told nothing has changed. The line will not reopen because the bridge failed.",
    );
    expect(find(claims, "paying more").polarity).toBe("positive");
    expect(find(claims, "will not reopen").polarity).toBe("negative");
    expect(find(claims, "no injuries").polarity).toBe("negative");
    expect(find(claims, "no figure").polarity).toBe("negative");
    expect(find(claims, "40 people attended").polarity).toBe("positive");
    expect(find(claims, "dam held").polarity).toBe("positive");
  });

  it("keeps a remark with its own time, lends no sibling clause's time, and reads a passive cue as a hedge", () => {
    const { claims } = run(
      "Rents rose 3.1% in February, down from 3.4% in January. Core rents slowed to 2.2%, their lowest level since early 2021.\n\nThe analyst said vacancies stayed low and that rents could climb again next year. The bank, which cut rates twice, is widely expected to hold rates. Fuel prices fell 2%, while bread, milk and egg prices rose 4%.",
    );
    expect(find(claims, "down from 3.4%").time?.start).toBe("2024-01-01");
    expect(find(claims, "rents rose 3.1%").time?.start).toBe("2024-02-01");
    expect(find(claims, "slowed to 2.2%").time?.start).toBe("2024-02-01");
    expect(find(claims, "lowest level since").text).toMatch(/^This was their lowest level/);
    expect(find(claims, "vacancies stayed low").time).toBeNull();
    expect(find(claims, "climb again").time?.start).toBe("2025-01-01");
    const hold = find(claims, "expected to hold rates");
    expect(hold.attribution.speaker).toBeNull();
    expect(hold.certainty).toBe("probable");
    expect(find(claims, "fuel prices fell").text).not.toMatch(/bread/);
    expect(find(claims, "egg prices rose").text).toMatch(/^Bread, milk and egg prices rose 4%/);
  });

  it("reads a weekday after a timetable verb as ahead, and after its own past participle as past", () => {
    // Published on Thursday 14 March 2024.
    const { claims } = run(
      "The draw for the quarter-finals takes place on Monday in Nyon. The club lost on Monday. The city will widen the road under a plan unveiled on Tuesday. The pool will be reopened on Tuesday.",
    );
    expect(find(claims, "draw for the quarter-finals").time?.start).toBe("2024-03-18");
    expect(find(claims, "club lost").time?.start).toBe("2024-03-11");
    expect(find(claims, "widen the road").time?.start).toBe("2024-03-12");
    expect(find(claims, "pool will be reopened").time?.start).toBe("2024-03-19");
  });

  it("reads 'appear to' as probable, critics as a group, and 'they' as the plural body that speaks", () => {
    const { claims } = run(
      "The results appear to be clear. Critics argue the trial was too small. Unions say they will strike in May.",
    );
    expect(find(claims, "results appear").certainty).toBe("probable");
    expect(find(claims, "too small").attribution.speakerType).toBe("group");
    expect(find(claims, "strike in May").text).toMatch(/^Unions will strike in May/);
  });

  it("resolves dates against the publication date", () => {
    const { claims } = run(
      "The summit will take place on 20–21 April. The treaty was signed yesterday. The vote is due next Thursday.",
    );
    expect(find(claims, "summit").time).toMatchObject({ start: "2024-04-20", end: "2024-04-21" });
    expect(find(claims, "treaty was signed").time).toMatchObject({ start: "2024-03-13", end: "2024-03-13" });
    expect(find(claims, "vote is due").time).toMatchObject({ start: "2024-03-21" });
  });
});

describe("evidence and ids", () => {
  it("points every claim at its exact words and gives the same ids on every run", () => {
    const body =
      'Ministers agreed a new budget on Friday. "It protects jobs," the prime minister said, adding that taxes would stay flat.';
    const first = run(body);
    const second = run(body);
    for (const c of first.claims)
      expect(first.article.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
    expect(second.claims.map((c) => c.id)).toEqual(first.claims.map((c) => c.id));
    expect(new Set(first.claims.map((c) => c.id)).size).toBe(first.claims.length);
  });

  it("lists the people, organisations and places a claim mentions", () => {
    const { claims } = run("German Chancellor Olaf Scholz met NATO officials in Brussels on Monday.");
    const c = find(claims, "met NATO officials");
    expect(c.entities).toEqual(
      expect.arrayContaining([
        { name: "Olaf Scholz", type: "person" },
        { name: "NATO", type: "organization" },
        { name: "Brussels", type: "place" },
      ]),
    );
  });
});

describe("interviews and document-level sources", () => {
  it("attributes Q/A answers to the interviewee and makes no claims of the questions", () => {
    const body =
      "Interview with Health Minister Sara Lindqvist about the hospital budget.\n\nQ: Will waiting times fall this year?\n\nA: Waiting times will fall by a third. We have hired 2,000 nurses since January.";
    const { claims } = run(body, { title: "Interview: Health Minister Sara Lindqvist" });
    expect(claims.some((c) => /waiting times fall this year/i.test(c.text))).toBe(false);
    expect(find(claims, "fall by a third").attribution.speaker).toBe("Sara Lindqvist");
    expect(find(claims, "hired 2,000 nurses").attribution.speaker).toBe("Sara Lindqvist");
  });

  it("credits a Source: line's speaker, channel and reporting outlet to the labelled paragraphs", () => {
    const text = [
      " date 2024-03-14 All Sections",
      "Mayor says metro line will open in autumn",
      "",
      "Source: Mayor Ivan Petrenko on Telegram, as reported by Kyiv Daily",
      "",
      "Details: The new metro line will open in October, the mayor said.",
      "",
      'Quote: "Construction is 90% complete."',
    ].join("\n");
    const { claims } = Extraction.parse(extract({ bytes: new TextEncoder().encode(text), fileName: "a.txt" }));
    for (const words of ["metro line will open", "90% complete"]) {
      const c = find(claims, words);
      expect(c.attribution.speaker).toBe("Ivan Petrenko");
      expect(c.attribution.via).toContain("Telegram");
      expect(c.attribution.reportedBy).toBe("Kyiv Daily");
    }
    expect(find(claims, "metro line will open").time).toMatchObject({ start: "2024-10-01", end: "2024-10-31" });
  });
});

describe("standalone claim text", () => {
  it("expands a short reference to the fuller phrase the article used before", () => {
    const { claims } = run(
      "Ministers met the Council of Europe delegation on Monday. Later, the council said it would publish its findings in June.",
    );
    expect(find(claims, "publish its findings").attribution.speaker).toMatch(/council/i);
    const { claims: more } = run(
      "The Ukraine Recovery Conference opened in Rome on Thursday. The conference drew 100 delegations.",
    );
    expect(find(more, "100 delegations").text).toMatch(/^The Ukraine Recovery Conference drew 100 delegations/);
  });

  it("credits a wire service named in the dateline as the reporter of attributed claims", () => {
    const text = [
      "Port strike ends",
      "",
      "By Staff",
      "",
      "ROTTERDAM, May 2 (Reuters) - Dock workers ended a week-long strike on Friday, the union said.",
    ].join("\n");
    const { article, claims } = Extraction.parse(
      extract({ bytes: new TextEncoder().encode(text), fileName: "a.txt", metadata: { outlet: "Harbour Gazette" } }),
    );
    expect(article.outlet).toBe("Harbour Gazette");
    const c = find(claims, "ended a week-long strike");
    expect(c.attribution.speaker).toBe("union");
    expect(c.attribution.reportedBy).toBe("Reuters");
  });
});
