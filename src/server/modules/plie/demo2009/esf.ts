import type { EsfMoment, EsfQuestion } from '../../../../shared/plie/plie.nomenclature.ts'
import { hashString, Random } from '../../../demo/random.ts'
import { type Day, END_2009, START_2009, ymd, day as ymdDay } from '../../../demo/year2009/days.ts'
import type { Plan } from '../../../demo/year2009/plan-types.ts'
import type { PliePathway, PliePlan } from './plan-types.ts'

// The ESF+ answers of the pathways open in 2009 (docs/demo-2009.md « The PLIE », ESF+ answers): at entry, on the
// entry day, from the person's data that day; at exit, within 4 weeks, from the exit's reason; six months after the
// exit when that falls in 2009. Pure and deterministic (its own seed): write.ts writes the rows in bulk.

export interface EsfAnswerRow {
  w: PliePathway
  moment: EsfMoment
  question: EsfQuestion
  answer: string
  answeredOn: Day
}

/** employed at exit: the contract exits, business creation and CIRMA (an integration contract) */
export const EMPLOYED_EXITS = ['cdi', 'cdd_over_6_months', 'interim_1215h', 'work_study', 'business_creation', 'cirma']
/** no answer at exit: nobody to ask */
const UNANSWERED_EXITS = ['death']
/** not looking for a job at exit: in work or training, or unavailable */
const NOT_SEARCHING = [...EMPLOYED_EXITS, 'qualifying_training', 'health', 'maternity', 'retirement']

const sixMonthsAfter = (d: Day) => {
  const [y, m, dd] = ymd(d)
  return ymdDay(m > 6 ? y + 1 : y, m > 6 ? m - 6 : m + 6, dd)
}

/** ISCED band of a 1969 level (shared/reference/nomenclatures.md): V with its CAP/BEP diploma or more is 3–4 */
export function iscedOf(level: string, diploma: string | null): string {
  if (level === 'VI' || level === 'Vbis') return 'isced_0_2'
  if (level === 'V') return diploma && !['none', 'cfg_dnb'].includes(diploma) ? 'isced_3_4' : 'isced_0_2'
  if (level === 'IV') return 'isced_3_4'
  return 'isced_5_8'
}

/** the value of a youth's attribute on a day (the latest recorded by then, else the first recorded) */
function attributeIndex(plan: Plan) {
  const by = new Map<string, { value: string; from: Day }[]>()
  for (const a of plan.attributes) {
    if (!['education_level', 'diploma', 'housing'].includes(a.attribute)) continue
    const k = `${a.p}:${a.attribute}`
    const list = by.get(k) ?? []
    list.push({ value: a.value, from: a.from })
    by.set(k, list)
  }
  for (const list of by.values()) list.sort((a, b) => a.from - b.from)
  return (p: number, attribute: string, on: Day): string | null => {
    const list = by.get(`${p}:${attribute}`)
    if (!list) return null
    let v = list[0].value
    for (const x of list) if (x.from <= on) v = x.value
    return v
  }
}

export function* esfAnswers(plan: PliePlan, mlPlan: Plan): Generator<EsfAnswerRow> {
  const r = new Random(hashString('jalon-plie-2009-esf'))
  const valueOn = attributeIndex(mlPlan)
  const declinedOr = (p: number, other: string) => (r.chance(p) ? 'declined' : other)
  for (const w of plan.pathways) {
    if (w.entry > END_2009 || (w.exit !== null && w.exit < START_2009)) continue
    const at = (moment: EsfMoment, answeredOn: Day) => (question: EsfQuestion, answer: string) =>
      ({ w, moment, question, answer, answeredOn }) satisfies EsfAnswerRow
    const entry = at('entry', w.entry)
    yield entry(
      'labour_status',
      w.longTermUnemployed ? 'long_term_unemployed' : r.chance(0.04) ? 'inactive' : 'unemployed',
    )
    let isced: string
    let housing: string | null = null
    if (w.youth !== null) {
      isced = iscedOf(valueOn(w.youth, 'education_level', w.entry)!, valueOn(w.youth, 'diploma', w.entry))
      housing = valueOn(w.youth, 'housing', w.entry)
    } else
      isced = r.weighted([
        ['isced_0_2', 45],
        ['isced_3_4', 40],
        ['isced_5_8', 15],
      ] as const)
    yield entry('education_isced', isced)
    yield entry('disability', w.disabledWorker ? 'yes' : declinedOr(0.02, 'no'))
    yield entry('homeless', housing === 'other' ? 'yes' : declinedOr(0.02, 'no'))
    yield entry('third_country_national', declinedOr(0.03, 'no'))
    yield entry('foreign_background', declinedOr(0.05, 'no'))
    yield entry('minority', declinedOr(0.05, 'no'))
    yield entry('rural_area', 'no')

    if (w.exit === null || w.exit > END_2009 || UNANSWERED_EXITS.includes(w.reason ?? '')) continue
    const reason = w.reason ?? 'other'
    const exit = at('exit', Math.min(w.exit + r.int(0, 27), END_2009))
    const employed = EMPLOYED_EXITS.includes(reason)
    const training = reason === 'qualifying_training'
    yield exit('employed_at_exit', employed ? 'yes' : 'no')
    yield exit('in_education', training ? 'yes' : 'no')
    yield exit('job_searching', NOT_SEARCHING.includes(reason) ? 'no' : 'yes')
    yield exit('qualification', 'no')

    const six = sixMonthsAfter(w.exit)
    if (six > END_2009) continue
    const later = at('six_months', Math.min(six + r.int(0, 20), END_2009))
    const employedLater = r.chance(employed ? 0.85 : training ? 0.45 : 0.15)
    yield later('employed_six_months', employedLater ? 'yes' : 'no')
    yield later('improved_six_months', employedLater || training ? 'yes' : 'no')
  }
}
