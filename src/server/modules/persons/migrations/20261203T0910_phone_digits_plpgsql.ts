import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// The digits of a phone number (person.phone_digits, a stored generated column: 20261128T1700_person_search.ts), the same
// rules, in PL/pgSQL. The SQL function's body reads its two values from a subquery, which PostgreSQL cannot inline:
// every row written to `person` started and stopped an executor for it, about a third of the cost of inserting a person
// (35 µs of ~100 µs; an import of 100 000 persons spent 3 s in it). PL/pgSQL keeps its expressions' plans for the
// session. The values are the same for every input (persons-phone-digits.test.ts compares both on generated numbers), so
// the stored column needs no rewrite.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE OR REPLACE FUNCTION jalon_phone_digits(text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      d text := regexp_replace(coalesce($1, ''), '[^0-9]', '', 'g');
      r text := btrim(coalesce($1, ''));
    BEGIN
      RETURN CASE
        WHEN d = '' THEN NULL
        WHEN d LIKE '00330%' THEN '0' || substr(d, 6)
        WHEN d LIKE '0033%' THEN '0' || substr(d, 5)
        WHEN d LIKE '330%' AND (length(d) = 12 OR r LIKE '+%') THEN '0' || substr(d, 4)
        WHEN d LIKE '33%' AND (length(d) = 11 OR r LIKE '+%') THEN '0' || substr(d, 3)
        ELSE d END;
    END $$;
    `,
  )
}
