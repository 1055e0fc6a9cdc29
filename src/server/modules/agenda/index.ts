// What other modules may use of the agenda (collective sessions, the interview screen, home pages): book an
// appointment, a person's next appointment, the day's appointments of a site, the appointment an interview records,
// reception's "arrivé(e)" (the home page).

export { appointmentOfInterview, nextAppointmentOf, todayBySite } from './agenda.queries.ts'
export {
  type AgendaCtx,
  cancelAppointment,
  createAppointment,
  readAppointment,
} from './appointments.service.ts'
export { markArrival } from './arrival.service.ts'
export { markAttendance } from './attendance.service.ts'
