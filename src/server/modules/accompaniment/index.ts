// What other modules may use of the accompaniment module. Keep it free of imports of other modules: the person policy
// imports it, and the accompaniment services import the person policy.

export { type AppointmentAttendance, recordAppointmentAttendance } from './appointment-events.ts'
export { alertsByTeam, contactStateOf } from './contact-state.ts'
export { type Day, enrolmentOpenDuring, enrolmentOpenOn } from './enrolment-open.ts'
