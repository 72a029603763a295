-- Example queries over the export's two tables: `claims` (one row per claim) and `facts` (one row per member
-- claim of a tracked fact; join on claim_id). Each runs unchanged in Athena (paste it into the console with the
-- claimtrack database selected, or pass it to `aws athena start-query-execution`) and in DuckDB:
--   npm run query -- --file queries/examples.sql --name top-speakers-by-month
-- Plain ANSI SQL that Trino (Athena) and DuckDB read alike: no engine-specific functions or literals.

-- name: top-speakers-by-month
-- The five most quoted speakers of each month, with the number of articles quoting them.
SELECT month, speaker, claims, articles
FROM (
  SELECT
    published AS month,
    speaker,
    count(*) AS claims,
    count(DISTINCT article_id) AS articles,
    row_number() OVER (PARTITION BY published ORDER BY count(*) DESC, speaker) AS place
  FROM claims
  WHERE speaker IS NOT NULL
  GROUP BY published, speaker
) ranked
WHERE place <= 5
ORDER BY month DESC, claims DESC, speaker;

-- name: claims-mentioning-a-word
-- Claims whose text mentions a word (here "ceasefire", any case), newest first, with who said it and where.
SELECT published_at, article_outlet, speaker, certainty, text
FROM claims
WHERE lower(text) LIKE '%ceasefire%'
ORDER BY published_at DESC, claim_id;

-- name: speakers-of-an-entity
-- Who speaks about a name (here "Rome"), through the claims' entity names.
SELECT speaker, count(*) AS claims, count(DISTINCT article_id) AS articles
FROM claims
WHERE contains(entity_names, 'Rome') AND speaker IS NOT NULL
GROUP BY speaker
ORDER BY claims DESC, speaker;

-- name: facts-reported-by-most-outlets
-- The facts that most outlets reported, with the month each was first published in (from the claims' partition).
SELECT f.fact_id, f.fact_text, f.outlet_count, f.independent_sources,
       count(DISTINCT f.article_id) AS articles, min(c.published) AS first_month
FROM facts f
JOIN claims c ON c.claim_id = f.claim_id
GROUP BY f.fact_id, f.fact_text, f.outlet_count, f.independent_sources
ORDER BY f.outlet_count DESC, articles DESC, f.fact_id
LIMIT 20;

-- name: conflicting-facts
-- Claims of a fact that another claim contradicts: who said each side, where, and the other side's fact (if it
-- is in one). A conflict between two facts is listed once, from the side with the smaller claim id.
SELECT f.fact_id, f.claim_id, f.article_outlet, f.speaker, f.polarity, f.text,
       o.claim_id AS other_claim_id, o.article_outlet AS other_outlet, o.speaker AS other_speaker,
       o.polarity AS other_polarity, o.text AS other_text, g.fact_id AS other_fact_id
FROM facts f
CROSS JOIN UNNEST(f.conflicts_with) AS w (claim_id)
JOIN claims o ON o.claim_id = w.claim_id
LEFT JOIN facts g ON g.claim_id = w.claim_id
WHERE g.claim_id IS NULL OR f.claim_id < w.claim_id
ORDER BY f.fact_id, f.claim_id, other_claim_id;

-- name: opposite-polarity-by-entity
-- Without tracking: names asserted both positively and negatively within one month, by different speakers (the
-- claims alone; conflicting-facts above uses the relations tracking found).
SELECT published AS month, e.entity,
       count(DISTINCT c.speaker) AS speakers,
       sum(CASE WHEN c.polarity = 'negative' THEN 1 ELSE 0 END) AS negative_claims,
       sum(CASE WHEN c.polarity = 'positive' THEN 1 ELSE 0 END) AS positive_claims
FROM claims c
CROSS JOIN UNNEST(c.entity_names) AS e (entity)
GROUP BY published, e.entity
HAVING count(DISTINCT c.polarity) = 2 AND count(DISTINCT c.speaker) >= 2
ORDER BY month DESC, e.entity;
