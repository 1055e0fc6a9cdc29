// What other modules may use of the agenda (collective sessions, the interview screen, home pages): book an
// appointment, a person's next appointment, the day's appointments of a site, the appointment an interview records,
// reception's "arrivé(e)" (the home page).

export { agendaPolicy, dayOnly, visibleAppointments } from './agenda.policy.ts'
export { appointmentOfInterview, nextAppointmentOf, todayBySite } from './agenda.queries.ts'
export { presentAppointments } from './appointments.present.ts'
export { appointmentExists, setPersons, updateAppointment } from './appointments.repository.ts'
export {
  type AgendaCtx,
  cancelAppointment,
  changeCoLeaders,
  createAppointment,
  editable,
  loadAppointment,
  readAppointment,
} from './appointments.service.ts'
export { markArrival, undoArrival } from './arrival.service.ts'
export { markAttendance } from './attendance.service.ts'
export { bookFirstInterview, convokeFirstInterview } from './first-interview.service.ts'
export { reminderDueAt } from './reminders.job.ts'
