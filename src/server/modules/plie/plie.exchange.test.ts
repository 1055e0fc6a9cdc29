import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type Bundle,
  emptyDatabase,
  exportFrom,
  importInto,
  readBundle,
  tableCounts,
  withCell,
  withRow,
} from '../../test/exchange.builders.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { formatIssue, ImportFailed } from '../exchange/exchange.errors.ts'

// The PLIE's files of the bundle (issue 11): the example bundle's persons, enrolments and situations with a PLIE on
// top — communes, organisations with a partner account, funding, a proposal decided in committee, two pathways with
// referents, steps and ESF+ answers. A round trip gives the same bytes; an error names file, line and column, and
// nothing is imported.

const csv = (...lines: string[]) => `${lines.join('\n')}\n`

const ELIGIBILITY = '{"eligible": true, "publics": ["rsa"], "memberCommune": true}'

function withPlie(example: Bundle): Bundle {
  let b = withRow(example, 'enrolments.csv', {
    external_id: 'EN-7',
    person_external_id: 'P3-000102',
    programme_code: 'PLIE',
    entry_date: '2009-03-02',
    exit_date: '2009-09-13',
    exit_reason: 'cdd_over_6_months',
    referent_email: 'paul.durand@ml-littoral.fr',
  })
  b = withRow(b, 'users.csv', {
    email: 'partenaire@entreprises-littoral.fr',
    display_name: 'Sophie Partenaire',
    role: 'partner',
  })
  return {
    ...b,
    'plie_communes.csv': csv('commune_code,commune_name', '59183,Dunkerque', '59271,Grande-Synthe'),
    'plie_organisations.csv': csv(
      'external_id,kind,name,agreement,places,active,partner_emails',
      'ORG-1,aci,"Atelier chantier d\'insertion ""Les Jardins""",ACI 2009-12,24,true,',
      'ORG-2,employer_relations,Club des entreprises du Littoral,,,true,partenaire@entreprises-littoral.fr',
    ),
    'plie_funding.csv': csv(
      'year,funder,operation,programmed_cents,realised_cents',
      '2009,esf,Accompagnement renforcé,45000000,43210050',
      '2009,departement,Accompagnement renforcé,12000000,',
    ),
    'plie_proposals.csv': csv(
      'external_id,person_external_id,proposed_on,proposed_by_email,site_code,motivation,status,eligibility',
      `PR-1,P3-000102,2009-02-10,claire.martin@ml-littoral.fr,A-GS,"Jeune CEJ, 18 mois sans emploi",accepted,"${ELIGIBILITY.replaceAll('"', '""')}"`,
    ),
    'plie_committees.csv': csv(
      'external_id,site_code,date,status,note,created_by_email',
      'CO-1,A-GS,2009-02-26,held,,paul.durand@ml-littoral.fr',
    ),
    'plie_committee_members.csv': csv(
      'committee_external_id,position,user_email,name,organisation,present',
      'CO-1,0,paul.durand@ml-littoral.fr,Paul Durand,,true',
      'CO-1,1,,Marc Lemaire,Pôle emploi,false',
    ),
    'plie_committee_cases.csv': csv(
      'committee_external_id,position,person_external_id,kind,proposal_external_id,enrolment_external_id,decision,refusal_reason,minute,referent_email,decided_by_email',
      'CO-1,0,P3-000102,entry,PR-1,,accepted,,Entrée validée,paul.durand@ml-littoral.fr,paul.durand@ml-littoral.fr',
      'CO-1,1,ABC-77,review,,EN-2,deferred,,Revoir en juin,,',
    ),
    'plie_pathways.csv': csv(
      'enrolment_external_id,committee_external_id,case_position,exit_situation_external_id,partner_external_id',
      'EN-2,,,,',
      'EN-7,CO-1,0,SI-3,ORG-2',
    ),
    'plie_referents.csv': csv(
      'enrolment_external_id,from_date,referent_email,recorded_by_email',
      'EN-7,2009-03-02,claire.martin@ml-littoral.fr,',
      'EN-7,2009-05-01,paul.durand@ml-littoral.fr,paul.durand@ml-littoral.fr',
    ),
    'plie_steps.csv': csv(
      'situation_external_id,enrolment_external_id,organisation_external_id,step_referent',
      'SI-2,EN-2,ORG-1,Mme Bernard (encadrante)',
    ),
    'esf_answers.csv': csv(
      'enrolment_external_id,moment,question,answer,answered_on,recorded_by_email',
      'EN-7,entry,labour_status,long_term_unemployed,2009-03-02,paul.durand@ml-littoral.fr',
      'EN-7,entry,disability,declined,2009-03-02,',
      'EN-7,exit,employed_at_exit,yes,2009-09-20,',
    ),
  }
}

/** the PLIE's rows, by table */
async function plieCounts(db: TestDb) {
  const all = await tableCounts(db)
  return Object.fromEntries(Object.entries(all).filter(([t]) => t.startsWith('plie_') || t === 'esf_answer'))
}

let db: TestDb
let bundle: Bundle
beforeAll(async () => {
  db = await createTestDb()
  bundle = withPlie(await readBundle())
})
beforeEach(() => emptyDatabase(db))
afterAll(() => db.drop())

describe('the PLIE in a bundle', () => {
  it('maps its files onto the PLIE’s tables, and a round trip gives the same bytes', async () => {
    await importInto(db, bundle)
    expect(await plieCounts(db)).toEqual({
      esf_answer: 3,
      plie_step: 1,
      plie_referent: 2,
      plie_pathway: 2,
      plie_committee_case: 2,
      plie_committee_member: 2,
      plie_committee: 1,
      plie_proposal: 1,
      plie_funding: 2,
      plie_organisation_user: 1,
      plie_organisation: 2,
      plie_commune: 2,
    })
    const pathway = await sql<Record<string, unknown>>`
      SELECT e.external_id AS enrolment, p.external_id AS person, c.position, s.external_id AS exit_situation,
             o.name AS partner
      FROM plie_pathway pw JOIN enrolment e ON e.id = pw.enrolment_id JOIN person p ON p.id = pw.person_id
      LEFT JOIN plie_committee_case c ON c.id = pw.committee_case_id
      LEFT JOIN situation s ON s.id = pw.exit_situation_id LEFT JOIN plie_organisation o ON o.id = pw.partner_id
      ORDER BY 1`.execute(db.kysely)
    expect(pathway.rows).toEqual([
      { enrolment: 'EN-2', person: 'ABC-77', position: null, exit_situation: null, partner: null },
      {
        enrolment: 'EN-7',
        person: 'P3-000102',
        position: 0,
        exit_situation: 'SI-3',
        partner: 'Club des entreprises du Littoral',
      },
    ])
    const proposal = await db.kysely.selectFrom('plie_proposal').select('eligibility').executeTakeFirstOrThrow()
    expect(proposal.eligibility).toEqual(JSON.parse(ELIGIBILITY))
    const step = await db.kysely.selectFrom('plie_step').select(['person_id', 'version']).executeTakeFirstOrThrow()
    expect(step.version).toBe(1)

    const out = await exportFrom(db, undefined, 1)
    expect(out['plie_funding.csv']).toContain('2009,esf,Accompagnement renforcé,45000000,43210050')
    expect(out['plie_organisations.csv']).toContain(',partenaire@entreprises-littoral.fr\n')
    // imported again into the same database: nothing changes
    const again = await importInto(db, out)
    for (const f of again.files) expect(f, f.file).toMatchObject({ inserted: 0, updated: 0 })
    // into an empty database: the same bytes
    await emptyDatabase(db)
    await importInto(db, out)
    expect(await exportFrom(db)).toEqual(out)
  })

  it('replaces an organisation’s partner accounts with the file’s list', async () => {
    await importInto(db, bundle)
    const out = await exportFrom(db)
    const none = await importInto(db, withCell(out, 'plie_organisations.csv', 2, 'partner_emails', ''))
    expect(none.files.find((f) => f.file === 'plie_organisations.csv')).toMatchObject({ inserted: 0, updated: 1 })
    expect(await db.kysely.selectFrom('plie_organisation_user').selectAll().execute()).toEqual([])
  })

  it('names the file, line and column of each error, and imports nothing', async () => {
    await importInto(db, bundle)
    const before = await tableCounts(db)
    let b = withCell(bundle, 'plie_funding.csv', 2, 'funder', 'europe')
    b = withCell(b, 'plie_proposals.csv', 1, 'eligibility', 'éligible')
    b = withCell(b, 'plie_committee_cases.csv', 2, 'refusal_reason', 'Hors territoire')
    b = withCell(b, 'plie_pathways.csv', 1, 'case_position', '3')
    b = withCell(b, 'plie_committee_cases.csv', 1, 'person_external_id', 'P3-000103')
    b = withRow(b, 'plie_pathways.csv', {
      enrolment_external_id: 'EN-4',
      committee_external_id: 'CO-1',
      case_position: '1',
    })
    b = withCell(b, 'plie_steps.csv', 1, 'organisation_external_id', 'ORG-9')
    b = withRow(b, 'esf_answers.csv', {
      enrolment_external_id: 'EN-7',
      moment: 'entry',
      question: 'labour_status',
      answer: 'inactive',
      answered_on: '2009-03-03',
    })
    b = withRow(b, 'esf_answers.csv', {
      enrolment_external_id: 'EN-7',
      moment: 'entry',
      question: 'rural_area',
      answer: 'declined',
      answered_on: '2009-03-02',
    })
    b = withRow(b, 'esf_answers.csv', {
      enrolment_external_id: 'EN-7',
      moment: 'entry',
      question: 'employed_six_months',
      answer: 'yes',
      answered_on: '2009-03-02',
    })
    const error = await importInto(db, b).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ImportFailed)
    expect((error as ImportFailed).issues.map(formatIssue)).toEqual([
      'plie_funding.csv, ligne 3, colonne funder : code inconnu « europe » (codes admis : esf, state_urban_policy, state, departement, region, communes, other)',
      'plie_proposals.csv, ligne 2, colonne eligibility : objet JSON attendu ({…})',
      'plie_committee_cases.csv, ligne 3, colonne refusal_reason : un motif de refus demande la décision refused',
      'plie_committee_cases.csv, ligne 2, colonne proposal_external_id : cette proposition est celle d’une autre personne',
      'plie_pathways.csv, ligne 2, colonne case_position : le comité et le rang du dossier vont ensemble',
      'plie_pathways.csv, ligne 4, colonne enrolment_external_id : cette inscription n’est pas au PLIE',
      'plie_steps.csv, ligne 2, colonne organisation_external_id : structure du PLIE introuvable « ORG-9 » (ni dans plie_organisations.csv, ni dans la base)',
      'esf_answers.csv, ligne 6, colonne answer : code inconnu « declined » (codes admis : yes, no)',
      'esf_answers.csv, ligne 7, colonne question : question posée au moment six_months, pas entry',
      'esf_answers.csv, ligne 5, colonne enrolment_external_id + moment + question : « EN-7 + entry + labour_status » en double (déjà ligne 2)',
    ])
    expect(await tableCounts(db)).toEqual(before)
  })
})
