import { type EsfMoment, type EsfQuestion, esfQuestions } from '../../../shared/plie/plie.nomenclature.ts'

// The ESF+ participants of a period and their common indicators (Regulation (EU) 2021/1057, Annex I), computed from
// the same rows the workbook lists (docs/plie.md « Import and export, ESF+ »). Pure: the rows come from
// esf.repository.ts.

export interface Participant {
  enrolmentId: string
  /** the pathway's key in the bundle: its enrolment's external id, else its uuid */
  key: string
  lastName: string
  firstName: string
  birthDate: string
  /** from the person file (no ESF+ question: the same meaning) */
  sex: 'F' | 'M'
  /** in whole years on the entry day, from the person file's birth date */
  ageAtEntry: number
  entryDate: string
  exitDate: string | null
  exitReason: string | null
  /** the recorded answers by question (declined kept as such); a question not answered is absent */
  answers: Partial<Record<EsfQuestion, string>>
  /** the latest day an answer of each moment was given */
  answeredOn: Partial<Record<EsfMoment, string>>
}

/** Whole years from `birth` to `day` (both 'yyyy-mm-dd'). */
export function ageOn(birth: string, day: string) {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4))
  return day.slice(5) < birth.slice(5) ? years - 1 : years
}

export function participantRows(
  rows: {
    enrolment_id: string
    external_id: string | null
    entry_date: string
    exit_date: string | null
    exit_reason: string | null
    last_name: string
    first_name: string
    sex: 'F' | 'M'
    birth_date: string
  }[],
  answers: { enrolment_id: string; moment: EsfMoment; question: string; answer: string; answered_on: string }[],
): Participant[] {
  const byPathway = new Map<string, typeof answers>()
  for (const a of answers) byPathway.set(a.enrolment_id, [...(byPathway.get(a.enrolment_id) ?? []), a])
  return rows.map((r) => {
    const p: Participant = {
      enrolmentId: r.enrolment_id,
      key: r.external_id ?? r.enrolment_id,
      lastName: r.last_name,
      firstName: r.first_name,
      birthDate: r.birth_date,
      sex: r.sex,
      ageAtEntry: ageOn(r.birth_date, r.entry_date),
      entryDate: r.entry_date,
      exitDate: r.exit_date,
      exitReason: r.exit_reason,
      answers: {},
      answeredOn: {},
    }
    for (const a of byPathway.get(r.enrolment_id) ?? []) {
      if (!(a.question in esfQuestions)) continue
      p.answers[a.question as EsfQuestion] = a.answer
      const seen = p.answeredOn[a.moment]
      if (!seen || seen < a.answered_on) p.answeredOn[a.moment] = a.answered_on
    }
    return p
  })
}

export interface CommonIndicator {
  /** the point of Annex I: '1.1' outputs, '1.2' other outputs, '2' immediate results, '3' longer-term results */
  point: '1.1' | '1.2' | '2' | '3'
  /** the Regulation's wording (English, as in the Official Journal) */
  name: string
  /** French, for the sheet */
  label: string
  total: number
  women: number
  men: number
}

const is =
  (q: EsfQuestion, ...answers: string[]) =>
  (p: Participant) =>
    answers.includes(p.answers[q] ?? '')
const yes = (q: EsfQuestion) => is(q, 'yes')

/**
 * The common indicators of the rows. Outputs (points 1.1 and 1.2) count every participant of the period, on their
 * data at entry; results (points 2 and 3) count the participants who left during the period, on their data at exit
 * and six months after exit.
 */
export function commonIndicators(rows: readonly Participant[], from: string, to: string): CommonIndicator[] {
  const leavers = (p: Participant) => p.exitDate !== null && p.exitDate >= from && p.exitDate <= to
  const defs: [CommonIndicator['point'], string, string, (p: Participant) => boolean][] = [
    ['1.1', 'total number of participants', 'Participants (total)', () => true],
    [
      '1.1',
      'unemployed, including long-term unemployed',
      'Chômeurs, y compris de longue durée',
      is('labour_status', 'unemployed', 'long_term_unemployed'),
    ],
    ['1.1', 'long-term unemployed', 'Chômeurs de longue durée', is('labour_status', 'long_term_unemployed')],
    ['1.1', 'inactive', 'Inactifs', is('labour_status', 'inactive')],
    ['1.1', 'employed, including self-employed', 'Salariés, y compris indépendants', is('labour_status', 'employed')],
    ['1.1', 'below 30 years of age', 'Moins de 30 ans', (p) => p.ageAtEntry < 30],
    ['1.1', 'above 54 years of age', 'Plus de 54 ans', (p) => p.ageAtEntry > 54],
    [
      '1.1',
      'with lower secondary education or less (ISCED 0-2)',
      'Niveau CITE 0 à 2',
      is('education_isced', 'isced_0_2'),
    ],
    [
      '1.1',
      'with upper secondary (ISCED 3) or post-secondary education (ISCED 4)',
      'Niveau CITE 3 à 4',
      is('education_isced', 'isced_3_4'),
    ],
    ['1.1', 'with tertiary education (ISCED 5 to 8)', 'Niveau CITE 5 à 8', is('education_isced', 'isced_5_8')],
    ['1.2', 'participants with disabilities', 'Personnes handicapées', yes('disability')],
    ['1.2', 'third-country nationals', 'Ressortissants de pays tiers', yes('third_country_national')],
    ['1.2', 'participants with a foreign background', 'Personnes d’origine étrangère', yes('foreign_background')],
    [
      '1.2',
      'minorities (including marginalised communities such as the Roma)',
      'Minorités (y compris les Roms)',
      yes('minority'),
    ],
    ['1.2', 'homeless or affected by housing exclusion', 'Sans domicile ou exclus du logement', yes('homeless')],
    ['1.2', 'participants from rural areas', 'Participants des zones rurales', yes('rural_area')],
    [
      '2',
      'participants engaged in job searching upon leaving',
      'En recherche d’emploi à la sortie',
      (p) => leavers(p) && yes('job_searching')(p),
    ],
    [
      '2',
      'participants in education or training upon leaving',
      'En études ou en formation à la sortie',
      (p) => leavers(p) && yes('in_education')(p),
    ],
    [
      '2',
      'participants gaining a qualification upon leaving',
      'Ayant obtenu une qualification à la sortie',
      (p) => leavers(p) && yes('qualification')(p),
    ],
    [
      '2',
      'participants in employment, including self-employment, upon leaving',
      'En emploi, y compris indépendant, à la sortie',
      (p) => leavers(p) && yes('employed_at_exit')(p),
    ],
    [
      '3',
      'participants in employment, including self-employment, six months after leaving',
      'En emploi, y compris indépendant, six mois après la sortie',
      (p) => leavers(p) && yes('employed_six_months')(p),
    ],
    [
      '3',
      'participants with an improved labour market situation six months after leaving',
      'Situation améliorée sur le marché du travail six mois après la sortie',
      (p) => leavers(p) && yes('improved_six_months')(p),
    ],
  ]
  return defs.map(([point, name, label, holds]) => {
    const held = rows.filter(holds)
    return {
      point,
      name,
      label,
      total: held.length,
      women: held.filter((p) => p.sex === 'F').length,
      men: held.filter((p) => p.sex === 'M').length,
    }
  })
}
