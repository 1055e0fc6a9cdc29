import { agendaPolicy } from '../agenda/index.ts'

/**
 * Who may use collective sessions: the agenda's own rules, since a session is an appointment. Reading the list, a
 * session and its sign-in sheet: the agenda's readers (director: the structure; counsellor: their sites and their own;
 * reception: the day's only). Registering and unregistering: those who book (a counsellor, on a session of their
 * sites, with persons whose file they see). Attendance and convocations are the agenda's routes, with its policy.
 */
export const sessionsPolicy = {
  read: agendaPolicy.read,
  register: agendaPolicy.book,
} as const
