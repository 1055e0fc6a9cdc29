import type { Session } from '../../../shared/sessions/sessions.schema.ts'
import { frenchTime } from '../agenda/labels.ts'

export { placeText } from '../agenda/appointment-detail.tsx'
export const timeText = (s: Pick<Session, 'start' | 'end'>) => `${frenchTime(s.start)} – ${frenchTime(s.end)}`
/** the leader, then the co-leaders */
export const leadersText = (s: Pick<Session, 'counsellorName' | 'coLeaders'>) =>
  [s.counsellorName, ...s.coLeaders.map((l) => l.name)].join(', ')
export const personName = (p: { lastName: string; firstName: string }) =>
  `${p.lastName.toLocaleUpperCase('fr-FR')} ${p.firstName}`
