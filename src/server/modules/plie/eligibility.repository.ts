import type { EligibilityFacts } from '../../../shared/plie/eligibility.ts'
import type { Tx } from '../../deps.ts'
import { enrolmentOpenOn } from '../accompaniment/index.ts'

// The SQL behind the eligibility (shared/plie/eligibility.ts): the person's dated data on a day, read from the person
// file (commune, priority area), its status periods and its enrolments, and the PLIE's member communes. Reads only.

export async function memberCommunes(tx: Tx, structureId: string) {
  const rows = await tx
    .selectFrom('plie_commune')
    .select('commune_code')
    .where('structure_id', '=', structureId)
    .execute()
  return rows.map((r) => r.commune_code)
}

/**
 * The facts of the eligibility on `day`. `withSensitive` false leaves out the RSA and RQTH periods (a reader who may
 * not see them): the check then runs without them.
 */
export async function eligibilityFacts(
  tx: Tx,
  structureId: string,
  person: { id: string; commune_code: string | null; priority_area: string | null },
  day: string,
  withSensitive = true,
): Promise<EligibilityFacts> {
  let statusQuery = tx
    .selectFrom('status_period')
    .select('status')
    .where('structure_id', '=', structureId)
    .where('person_id', '=', person.id)
    .where('start_date', '<=', day)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]))
  if (!withSensitive) statusQuery = statusQuery.where('status', 'not in', ['rsa', 'rqth', 'justice'])
  const [communes, statuses, programmes] = await Promise.all([
    memberCommunes(tx, structureId),
    statusQuery.execute(),
    tx
      .selectFrom('enrolment as e')
      .innerJoin('programme as p', 'p.id', 'e.programme_id')
      .select('p.type')
      .where('e.structure_id', '=', structureId)
      .where('e.person_id', '=', person.id)
      .where(enrolmentOpenOn('e', day))
      .execute(),
  ])
  return {
    on: day,
    communeCode: person.commune_code,
    memberCommunes: communes,
    statuses: statuses.map((s) => s.status),
    openProgrammeTypes: programmes.map((p) => p.type),
    priorityArea: person.priority_area,
  }
}
