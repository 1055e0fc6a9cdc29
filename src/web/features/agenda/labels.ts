import { appointmentKinds, attendances, places } from '../../../shared/agenda/agenda.schema.ts'

export const kindOptions = appointmentKinds.codes.map((value) => ({ value, label: appointmentKinds.labels[value] }))
export const placeOptions = places.codes.map((value) => ({ value, label: places.labels[value] }))
export const kindLabel = (k: string) => appointmentKinds.labels[k as keyof typeof appointmentKinds.labels] ?? k
export const attendanceLabel = (a: string | null) =>
  a ? (attendances.labels[a as keyof typeof attendances.labels] ?? a) : 'Non notée'
/** hh:mm as French times read: 09h30 */
export const frenchTime = (t: string) => t.replace(':', 'h')
