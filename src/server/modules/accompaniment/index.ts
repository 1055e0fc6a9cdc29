// What other modules may use of the accompaniment module. Keep it free of imports of other modules: the person policy
// imports it, and the accompaniment services import the person policy.

export { type AppointmentAttendance, recordAppointmentAttendance } from './appointment-events.ts'
export { alertsByTeam, contactStateOf } from './contact-state.ts'
export { type Day, enrolmentOpenDuring, enrolmentOpenOn } from './enrolment-open.ts'
// The rows of a programme's pathway another module writes (the PLIE's pathway is an enrolment, its steps situations):
// the repository writes, without the person policy (the caller has checked the person and the role).
export {
  type EnrolmentValues,
  findEnrolmentRow,
  findOverlap,
  findProgramme,
  insertEnrolment,
  updateEnrolment,
} from './enrolments.repository.ts'
export { insertSituation, type SituationValues, updateSituation } from './situations.repository.ts'
