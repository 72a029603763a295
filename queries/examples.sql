-- Example queries over the claims export. Each runs unchanged in Athena (paste it into the console with the
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

-- name: opposite-polarity-by-entity
-- Conflicting facts are not in the export: the store keeps no fact ids (tracking runs on demand, npm run track).
-- A first approximation: names asserted both positively and negatively within one month, by different speakers.
SELECT published AS month, e.entity,
       count(DISTINCT c.speaker) AS speakers,
       sum(CASE WHEN c.polarity = 'negative' THEN 1 ELSE 0 END) AS negative_claims,
       sum(CASE WHEN c.polarity = 'positive' THEN 1 ELSE 0 END) AS positive_claims
FROM claims c
CROSS JOIN UNNEST(c.entity_names) AS e (entity)
GROUP BY published, e.entity
HAVING count(DISTINCT c.polarity) = 2 AND count(DISTINCT c.speaker) >= 2
ORDER BY month DESC, e.entity;
