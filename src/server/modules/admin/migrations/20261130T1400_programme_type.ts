import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// What a programme is (Mission Locale, PLIE, CIVIS, CEJ, mentoring, other), apart from its editable code: the report
// finds its populations by this type, so renaming a code changes no figure. Existing programmes take the type their
// code has always meant. A writer that names no type (an import of an older bundle, the demo, a test builder) gets
// the same guess from the code, once, at insert; after that only the administration changes it (admin
// programmes.routes.ts: while no enrolment uses the programme).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE FUNCTION jalon_programme_type_for_code(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT CASE upper(btrim($1))
           WHEN 'ML' THEN 'mission_locale'
           WHEN 'PLIE' THEN 'plie'
           WHEN 'CIVIS' THEN 'civis'
           WHEN 'CEJ' THEN 'cej'
           WHEN 'PARRAINAGE' THEN 'mentoring'
           ELSE 'other' END $$;

    ALTER TABLE programme ADD COLUMN type text
      CHECK (type IN ('mission_locale', 'plie', 'civis', 'cej', 'mentoring', 'other'));
    UPDATE programme SET type = public.jalon_programme_type_for_code(code);
    ALTER TABLE programme ALTER COLUMN type SET NOT NULL;

    CREATE FUNCTION jalon_programme_type() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
           IF NEW.type IS NULL THEN
             NEW.type := public.jalon_programme_type_for_code(NEW.code);
           END IF;
           RETURN NEW;
         END $$;

    CREATE TRIGGER programme_type BEFORE INSERT ON programme
      FOR EACH ROW EXECUTE FUNCTION jalon_programme_type();

    CREATE INDEX programme_type_idx ON programme (structure_id, type);
  `,
  )
}
