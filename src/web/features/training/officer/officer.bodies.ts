import {
  type ActionInput,
  actionInput,
  type BodyInput,
  bodyInput,
  type SessionInput,
  sessionInput,
  type TrainingAction,
  type TrainingBody,
  type TrainingSession,
} from '../../../../shared/training/catalogue.schema.ts'
import {
  type BodyAnswerInput,
  bodyAnswerInput,
  cancelInput,
  type DepartmentDecisionInput,
  departmentDecisionInput,
  type ExitInput,
  entryInput,
  exitInput,
  type Prescription,
} from '../../../../shared/training/prescriptions.schema.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'

// The training department's forms → the bodies the API reads, checked by the API's own zod schemas before anything is
// sent (docs/MODULES.md « Forms »): a message lands next to its field. Pure, so a unit test reads them without a browser.
// Numbers are typed as text ('' → null), a yes/no as 'yes' | 'no' | '' (not said).

const blank = (s: string) => (s.trim() === '' ? null : s.trim())
/** '' → null, '12' → 12, 'douze' → NaN (the schema then names the field) */
const numberOf = (s: string) => (s.trim() === '' ? null : /^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN)
const text = (n: number | null) => (n === null ? '' : String(n))

type Checked<B> = { body: B; errors: Record<string, string> }
function checked<B>(schema: Parameters<typeof bodyErrors>[0], body: unknown): Checked<B> {
  return { body: body as B, errors: bodyErrors(schema, body) }
}

/** the server's field messages keyed by the forms' fields (the bodies' own names) */
export const serverErrors = (error: unknown): Record<string, string> => (isApiError(error) ? error.fieldErrors() : {})
/** someone saved the record after this page read it */
export const isConflict = (error: unknown) => isApiError(error) && error.status === 409
export const CONFLICT_MESSAGE =
  'Cette fiche a été modifiée entre-temps par quelqu’un d’autre : rechargez-la, puis recommencez.'

// — the prescription —

export interface DecisionValues {
  decision: DepartmentDecisionInput['decision']
  note: string
}
export const decisionBody = (v: DecisionValues, version: number) =>
  checked<DepartmentDecisionInput>(departmentDecisionInput, { decision: v.decision, note: blank(v.note), version })

export interface AnswerValues {
  infoAttendance: string | null
  testResult: string
  outcome: string | null
  outcomeReason: string
}
export const answerValues = (p: Prescription): AnswerValues => ({
  infoAttendance: p.infoAttendance,
  testResult: p.testResult ?? '',
  outcome: null,
  outcomeReason: p.outcomeReason ?? '',
})
export const answerBody = (v: AnswerValues, version: number) =>
  checked<BodyAnswerInput>(bodyAnswerInput, {
    infoAttendance: v.infoAttendance ?? '',
    testResult: blank(v.testResult),
    outcome: v.outcome ?? '',
    outcomeReason: blank(v.outcomeReason),
    version,
  })

export const entryBody = (entryDate: string | null, version: number) =>
  checked<{ entryDate: string; version: number }>(entryInput, { entryDate: entryDate ?? '', version })

export interface ExitValues {
  exitDate: string | null
  exitKind: string | null
  qualificationObtained: '' | 'yes' | 'no'
  hoursAttended: string
  resultNote: string
}
export const emptyExit: ExitValues = {
  exitDate: null,
  exitKind: null,
  qualificationObtained: '',
  hoursAttended: '',
  resultNote: '',
}
export const exitBody = (v: ExitValues, version: number) =>
  checked<ExitInput>(exitInput, {
    exitDate: v.exitDate ?? '',
    exitKind: v.exitKind ?? '',
    qualificationObtained: v.qualificationObtained === '' ? null : v.qualificationObtained === 'yes',
    hoursAttended: numberOf(v.hoursAttended),
    resultNote: blank(v.resultNote),
    version,
  })

export const cancelBody = (reason: string, version: number) =>
  checked<{ reason: string | null; version: number }>(cancelInput, { reason: blank(reason), version })

// — the catalogue —

export interface BodyValues {
  name: string
  siret: string
  address: string
  communeCode: string
  contactName: string
  contactEmail: string
  contactPhone: string
  active: boolean
}
export const bodyValues = (b?: TrainingBody): BodyValues => ({
  name: b?.name ?? '',
  siret: b?.siret ?? '',
  address: b?.address ?? '',
  communeCode: b?.communeCode ?? '',
  contactName: b?.contactName ?? '',
  contactEmail: b?.contactEmail ?? '',
  contactPhone: b?.contactPhone ?? '',
  active: b?.active ?? true,
})
export const trainingBodyBody = (v: BodyValues) =>
  checked<BodyInput>(bodyInput, {
    name: v.name,
    siret: blank(v.siret.replace(/\s/g, '')),
    address: blank(v.address),
    communeCode: blank(v.communeCode),
    contactName: blank(v.contactName),
    contactEmail: blank(v.contactEmail),
    contactPhone: blank(v.contactPhone),
    active: v.active,
  })

export interface ActionValues {
  bodyId: string | null
  code: string
  title: string
  funder: string | null
  nsfCode: string
  formacode: string
  situationKind: string | null
  level2019: string | null
  public: string
  prerequisites: string
  objective: string
  durationHours: string
  places: string
  active: boolean
}
export const actionValues = (a?: TrainingAction, bodyId?: string): ActionValues => ({
  bodyId: a?.bodyId ?? bodyId ?? null,
  code: a?.code ?? '',
  title: a?.title ?? '',
  funder: a?.funder ?? null,
  nsfCode: a?.nsfCode ?? '',
  formacode: a?.formacode ?? '',
  situationKind: a?.situationKind ?? 'qualifying_training',
  level2019: a?.level2019 === null || a?.level2019 === undefined ? null : String(a.level2019),
  public: a?.public ?? '',
  prerequisites: a?.prerequisites ?? '',
  objective: a?.objective ?? '',
  durationHours: text(a?.durationHours ?? null),
  places: text(a?.places ?? null),
  active: a?.active ?? true,
})
export const actionBody = (v: ActionValues) =>
  checked<ActionInput>(actionInput, {
    bodyId: v.bodyId ?? '',
    code: blank(v.code),
    title: v.title,
    funder: v.funder ?? '',
    nsfCode: blank(v.nsfCode),
    formacode: blank(v.formacode),
    situationKind: v.situationKind ?? 'qualifying_training',
    level2019: v.level2019 === null ? null : Number(v.level2019),
    public: blank(v.public),
    prerequisites: blank(v.prerequisites),
    objective: blank(v.objective),
    durationHours: numberOf(v.durationHours),
    places: numberOf(v.places),
    active: v.active,
  })

export interface SessionValues {
  actionId: string | null
  startsOn: string | null
  endsOn: string | null
  place: string
  communeCode: string
  places: string
  /** the information session's day and time of day (HH:mm), in the structure's time zone */
  infoDay: string | null
  infoTime: string
  infoSessionPlace: string
  applicationsCloseOn: string | null
  status: string
}
const TIME = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/

/** a day and a time of day in a time zone → the instant (ISO, UTC) */
export function instantOf(day: string, time: string, timeZone: string): string | null {
  const m = TIME.exec(time.trim())
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m || !d) return null
  const wanted = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(m[1]), Number(m[2]))
  // the zone's offset at that moment, found by reading the guess back in the zone (twice, across a change of hour)
  let guess = wanted
  for (let i = 0; i < 2; i++) guess = wanted - (localMillis(guess, timeZone) - guess)
  return new Date(guess).toISOString()
}
function localMillis(at: number, timeZone: string) {
  const parts: Record<string, number> = {}
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  for (const p of format.formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0)
}
/** an instant → its day and time of day in a time zone */
export function dayAndTime(instant: string, timeZone: string): { day: string; time: string } {
  const local = new Date(localMillis(new Date(instant).getTime(), timeZone)).toISOString()
  return { day: local.slice(0, 10), time: local.slice(11, 16) }
}

export const sessionValues = (timeZone: string, s?: TrainingSession, actionId?: string): SessionValues => {
  const info = s?.infoSessionAt ? dayAndTime(s.infoSessionAt, timeZone) : null
  return {
    actionId: s?.actionId ?? actionId ?? null,
    startsOn: s?.startsOn ?? null,
    endsOn: s?.endsOn ?? null,
    place: s?.place ?? '',
    communeCode: s?.communeCode ?? '',
    places: text(s?.places ?? null),
    infoDay: info?.day ?? null,
    infoTime: info?.time ?? '',
    infoSessionPlace: s?.infoSessionPlace ?? '',
    applicationsCloseOn: s?.applicationsCloseOn ?? null,
    status: s?.status ?? 'open',
  }
}
export function sessionBody(v: SessionValues, timeZone: string): Checked<SessionInput> {
  const infoSessionAt = v.infoDay && v.infoTime.trim() ? instantOf(v.infoDay, v.infoTime, timeZone) : null
  const result = checked<SessionInput>(sessionInput, {
    actionId: v.actionId ?? '',
    startsOn: v.startsOn ?? '',
    endsOn: v.endsOn,
    place: blank(v.place),
    communeCode: blank(v.communeCode),
    places: numberOf(v.places) ?? Number.NaN,
    infoSessionAt,
    infoSessionPlace: blank(v.infoSessionPlace),
    applicationsCloseOn: v.applicationsCloseOn,
    status: v.status,
  })
  // the instant is two fields on the form: say which one is missing or not understood
  if (v.infoTime.trim() && !TIME.test(v.infoTime.trim())) result.errors.infoTime = 'Heure attendue, par exemple 09:30.'
  else if (v.infoDay && !v.infoTime.trim()) result.errors.infoTime = 'Indiquez l’heure de l’information collective.'
  else if (!v.infoDay && v.infoTime.trim()) result.errors.infoDay = 'Indiquez le jour de l’information collective.'
  if (result.errors.infoSessionAt) result.errors.infoDay ??= result.errors.infoSessionAt
  if (numberOf(v.places) === null) result.errors.places = 'Nombre de places requis.'
  return result
}
