// The time a claim is about, resolved against a publication date (Monday 7 July 2025 unless said otherwise).
import { describe, expect, it } from "vitest";
import { clockTime, referenceDay, resolveTime } from "../../functions/extraction/claims/time.ts";

const monday = referenceDay("2025-07-07T18:07:00+03:00");

const cases: Array<[string, string, string]> = [
  ["The leaders spoke on 7 July.", "2025-07-07", "2025-07-07"],
  ["The conference takes place in Rome on 10–11 July.", "2025-07-10", "2025-07-11"],
  ["The summit runs from July 8 to 10.", "2025-07-08", "2025-07-10"],
  ["Funding will be provided this month.", "2025-07-01", "2025-07-31"],
  ["The coalition has not met since March.", "2025-03-01", "2025-07-07"],
  ["The vote will be held next Thursday.", "2025-07-10", "2025-07-10"],
  ["Russia launched 500 drones overnight.", "2025-07-07", "2025-07-07"],
  ["The talks took place on Friday.", "2025-07-04", "2025-07-04"],
  ["The talks will take place on Friday.", "2025-07-11", "2025-07-11"],
  ["Ukraine accepted the ceasefire four months ago.", "2025-03-07", "2025-03-07"],
  ["Growth will reach 0.3% in the third quarter.", "2025-07-01", "2025-09-30"],
  ["Inflation will return to target in the second quarter of 2027.", "2027-04-01", "2027-06-30"],
  ["The estate was built between 2018 and 2020.", "2018-01-01", "2020-12-31"],
  ["Water entered the houses in February 2024.", "2024-02-01", "2024-02-29"],
  ["A further hearing will be held in November.", "2025-11-01", "2025-11-30"],
  ["Inflation stood at 3.6% in June.", "2025-06-01", "2025-06-30"],
  ["The meeting will take place in just a few days.", "2025-07-08", "2025-07-10"],
  ["The report was published on 07.07.2025.", "2025-07-07", "2025-07-07"],
  ["Revenue rose 8% in the fourth quarter.", "2024-10-01", "2024-12-31"],
  ["The company expects growth in fiscal 2026.", "2026-01-01", "2026-12-31"],
  ["Prices rose last summer.", "2024-06-01", "2024-08-31"],
  ["The works will finish next spring.", "2026-03-01", "2026-05-31"],
  ["Sales will double over the next five years.", "2025-07-07", "2030-07-07"],
  ["Wages fell in the past two decades.", "2005-07-07", "2025-07-07"],
  ["The new ferry will enter service in the second week of September.", "2025-09-08", "2025-09-14"],
  ["The depot closes in the last week of February 2026.", "2026-02-22", "2026-02-28"],
  ["Output will recover in the first half of 2026.", "2026-01-01", "2026-06-30"],
  ["Exports slowed in the second half of last year.", "2024-07-01", "2024-12-31"],
  ["Margins widened in H1 2024.", "2024-01-01", "2024-06-30"],
  ["The council was warned more than three years ago.", "2021-07-07", "2022-07-07"],
  ["The repairs were deferred to the 2027 spending round.", "2027-01-01", "2027-12-31"],
  ["A 2019 survey found cracks in the pier.", "2019-01-01", "2019-12-31"],
  ["The firm reported 2024 profit of $12 million last month.", "2024-01-01", "2024-12-31"],
  ["The strike may push the opening into 2026.", "2026-01-01", "2026-12-31"],
];

describe("resolveTime", () => {
  for (const [text, start, end] of cases) {
    it(`"${text}" → ${start}/${end}`, () => {
      expect(resolveTime(text, monday)).toMatchObject({ start, end });
    });
  }

  it("finds no time where the text names none", () => {
    expect(resolveTime("The minister may resign.", monday)).toBeNull();
  });

  it("reads no year in a count or an amount", () => {
    expect(resolveTime("The plant employs 2000 workers.", monday)).toBeNull();
    expect(resolveTime("The repair cost $2024 in parts.", monday)).toBeNull();
  });

  it("takes a time of day alone as the publication day, and nothing else as one", () => {
    expect(clockTime("The roof gave way at about 5:40 a.m.", monday)).toMatchObject({ start: "2025-07-07" });
    expect(clockTime("Shares were 3% higher by 1215 GMT.", monday)).toMatchObject({ end: "2025-07-07" });
    expect(clockTime("The roof gave way at dawn.", monday)).toBeNull();
    expect(clockTime("The roof gave way at 5:40 a.m.", null)).toBeNull();
  });

  it("resolves only absolute dates without a publication date", () => {
    expect(resolveTime("The plant closed on 3 March 2021.", null)).toMatchObject({ start: "2021-03-03" });
    expect(resolveTime("The plant closed on Friday.", null)).toBeNull();
  });
});
