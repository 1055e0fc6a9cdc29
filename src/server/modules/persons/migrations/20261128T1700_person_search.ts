import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Finding a person: the folded name is kept by the database itself (a trigger), so every writer (forms, import,
// demo) folds the same way as the search; phone numbers are compared on their digits, +33 read as 0.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE FUNCTION jalon_search_name(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT btrim(regexp_replace(public.jalon_fold($1), '[^a-z0-9]+', ' ', 'g')) $$;

    CREATE FUNCTION jalon_phone_digits(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT CASE
           WHEN d = '' THEN NULL
           WHEN d LIKE '00330%' THEN '0' || substr(d, 6)
           WHEN d LIKE '0033%' THEN '0' || substr(d, 5)
           WHEN d LIKE '330%' AND (length(d) = 12 OR r LIKE '+%') THEN '0' || substr(d, 4)
           WHEN d LIKE '33%' AND (length(d) = 11 OR r LIKE '+%') THEN '0' || substr(d, 3)
           ELSE d END
         FROM (SELECT regexp_replace(coalesce($1, ''), '[^0-9]', '', 'g') AS d, btrim(coalesce($1, '')) AS r) AS x $$;

    CREATE FUNCTION jalon_person_search_name() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
           NEW.search_name := public.jalon_search_name(NEW.last_name || ' ' || NEW.first_name);
           RETURN NEW;
         END $$;

    CREATE TRIGGER person_search_name BEFORE INSERT OR UPDATE OF last_name, first_name, search_name ON person
      FOR EACH ROW EXECUTE FUNCTION jalon_person_search_name();

    UPDATE person SET search_name = '';

    ALTER TABLE person ADD COLUMN phone_digits text GENERATED ALWAYS AS (public.jalon_phone_digits(phone)) STORED;
    CREATE INDEX person_phone_digits_trgm_idx ON person USING gin (phone_digits gin_trgm_ops);
  `,
  )
}
