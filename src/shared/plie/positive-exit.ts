import { addDays, addMonths, daysBetween, frenchDate } from '../dates.ts'

// The PLIE's positive exits (issue 11, docs/plie.md « The pathway »): a positive exit reason must be supported by a
// situation recorded in the person file. Pure: the exit form says why before saving, the server refuses the same.

/** What the check reads of a situation of the person file. */
export interface ExitSituation {
  id: string
  kind: string
  startDate: string
  plannedEndDate: string | null
  endDate: string | null
  hoursPerWeek: number | null
}

export type PositiveExitCheck =
  | { holds: true; positive: boolean; situationId: string | null }
  | { holds: false; positive: true; reason: string }

/** A job or training that starts at the latest four weeks after the exit still proves it (the ESF+'s 4 weeks). */
export const EXIT_GRACE_DAYS = 28
/** interim hours over the 12 months before the exit that make an interim exit positive */
export const INTERIM_HOURS = 1215

const positiveKinds = {
  cdi: ['cdi'],
  cdd_over_6_months: ['cdd'],
  work_study: ['apprenticeship', 'professionalisation'],
  interim_1215h: ['interim'],
  qualifying_training: ['qualifying_training'],
  business_creation: ['business_creation'],
  cirma: ['subsidised_contract'],
} as const satisfies Record<string, readonly string[]>
type PositiveReason = keyof typeof positiveKinds

const what: Record<PositiveReason, string> = {
  cdi: 'un CDI',
  cdd_over_6_months: 'un CDD',
  work_study: 'un contrat d’apprentissage ou de professionnalisation',
  interim_1215h: 'une mission d’intérim',
  qualifying_training: 'une formation qualifiante',
  business_creation: 'une création d’entreprise',
  cirma: 'un contrat aidé',
}

export const isPositiveReason = (reason: string): reason is PositiveReason => reason in positiveKinds

const hours = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n)

/** The length reached: the actual end, else the planned end; null when neither is recorded. */
const lastDay = (s: ExitSituation) => s.endDate ?? s.plannedEndDate
const lastsSixMonths = (s: ExitSituation) => {
  const end = lastDay(s)
  return end !== null && end >= addDays(addMonths(s.startDate, 6), -1)
}
const lengthText = (s: ExitSituation) => {
  const end = lastDay(s)
  if (end === null) return 'sans date de fin ni fin prévue'
  const months = Math.floor((daysBetween(s.startDate, end) + 1) / 30.4375)
  return `du ${frenchDate(s.startDate)} au ${frenchDate(end)} (${months < 1 ? 'moins d’un' : months} mois)`
}

/** Interim hours worked within the 12 months before the exit: hours per week × weeks of the period. */
export function interimHours(situations: readonly ExitSituation[], exitDate: string) {
  const from = addMonths(exitDate, -12)
  let total = 0
  for (const s of situations) {
    if (s.kind !== 'interim' || s.hoursPerWeek === null) continue
    // ISO dates compare as strings: the period within [12 months before, exit]
    const start = [s.startDate, from].sort()[1]!
    const end = [s.endDate ?? exitDate, exitDate].sort()[0]!
    if (end < start) continue
    total += (s.hoursPerWeek * (daysBetween(start, end) + 1)) / 7
  }
  return Math.round(total * 10) / 10
}

/**
 * Whether the recorded situations support the exit reason on `exitDate`; the situation that proves it (the one
 * named by `exitSituationId` when given), or why not, in French. A reason that is not positive always holds.
 */
export function checkPositiveExit(
  reason: string,
  exitDate: string,
  situations: readonly ExitSituation[],
  exitSituationId?: string | null,
): PositiveExitCheck {
  if (!isPositiveReason(reason)) return { holds: true, positive: false, situationId: null }
  const no = (why: string): PositiveExitCheck => ({ holds: false, positive: true, reason: why })
  let pool = situations
  if (exitSituationId) {
    const named = situations.find((s) => s.id === exitSituationId)
    if (!named) return no('La situation désignée n’est pas une situation de la personne.')
    if (!(positiveKinds[reason] as readonly string[]).includes(named.kind))
      return no(`La situation désignée n’est pas ${what[reason]}.`)
    pool = [named]
  }
  const kinds = positiveKinds[reason] as readonly string[]
  const latestStart = addDays(exitDate, EXIT_GRACE_DAYS)
  const ofKind = pool.filter((s) => kinds.includes(s.kind))
  if (reason === 'interim_1215h') {
    const total = interimHours(situations, exitDate)
    const proof = [...ofKind]
      .filter((s) => s.startDate <= exitDate)
      .sort((a, b) => (a.startDate < b.startDate ? 1 : -1))
    if (total >= INTERIM_HOURS && proof[0]) return { holds: true, positive: true, situationId: proof[0].id }
    return no(
      `Les missions d’intérim des 12 mois avant la sortie totalisent ${hours(total)} h ; il en faut au moins ${hours(INTERIM_HOURS)} (heures par semaine × semaines).`,
    )
  }
  if (!ofKind.length) return no(`Aucune situation enregistrée n’est ${what[reason]} : enregistrez-la d’abord.`)
  const started = ofKind.filter((s) => s.startDate <= latestStart)
  if (!started.length)
    return no(
      `La situation enregistrée (${what[reason]}) commence plus de 4 semaines après la sortie (au plus tard le ${frenchDate(latestStart)}).`,
    )
  const current = started.filter((s) => s.endDate === null || s.endDate >= addDays(exitDate, -EXIT_GRACE_DAYS))
  if (!current.length) return no(`La situation enregistrée (${what[reason]}) s’est terminée avant la sortie.`)
  if (reason === 'cdd_over_6_months' || reason === 'qualifying_training') {
    const long = current.find(lastsSixMonths)
    if (!long) {
      const s = current[0]!
      const label =
        reason === 'cdd_over_6_months'
          ? 'Un CDD de moins de 6 mois ne peut pas être un « CDD de plus de 6 mois »'
          : 'Une formation de moins de 6 mois ne peut pas être une « formation qualifiante de plus de 6 mois »'
      return no(`${label} : la situation enregistrée va ${lengthText(s)}.`)
    }
    return { holds: true, positive: true, situationId: long.id }
  }
  return { holds: true, positive: true, situationId: current[0]!.id }
}
