import { defineServerModule } from '../module.ts'
import { loadAgendaDemo } from './agenda.demo.ts'
import { agendaEntities, roomsEntity, templatesEntity } from './agenda.exchange.ts'
import { agendaRoutes } from './agenda.routes.ts'
import * as m20261202T0900 from './migrations/20261202T0900_agenda.ts'
import * as m20261203T0900 from './migrations/20261203T0900_appointment_arrival.ts'
import * as m20261204T0930 from './migrations/20261204T0930_agenda_exchange_keys.ts'
import * as m20261204T0931 from './migrations/20261204T0931_sms_delivery.ts'
import * as m20261204T0940 from './migrations/20261204T0940_appointment_leaders.ts'

/**
 * The agenda (docs/agenda.md): appointments with a day, times, place, kind, persons and counsellor; rooms per site;
 * permanences from a rule; attendance that becomes an event of the person's follow-up (through the accompaniment's
 * index.ts); convocations and reminders by e-mail (.ics invitation) and SMS (Brevo, or its local stand-in); the
 * admin's templates; consent and channel; every message kept in the file; each counsellor's private iCal feed.
 */
export const agendaModule = defineServerModule({
  name: 'agenda',
  tables: [
    'agenda_room',
    'agenda_series',
    'appointment',
    'appointment_person',
    'appointment_leader',
    'agenda_contact',
    'agenda_message',
    'agenda_template',
    'agenda_feed',
  ],
  distribution: {
    agenda_room: 'reference',
    agenda_template: 'reference',
    agenda_series: 'structure',
    appointment: 'structure',
    appointment_person: 'structure',
    appointment_leader: 'structure',
    agenda_contact: 'structure',
    agenda_message: 'structure',
    agenda_feed: 'local',
  },
  migrations: {
    '20261202T0900_agenda': m20261202T0900,
    '20261203T0900_appointment_arrival': m20261203T0900,
    '20261204T0940_appointment_leaders': m20261204T0940,
    '20261204T0930_agenda_exchange_keys': m20261204T0930,
    '20261204T0931_sms_delivery': m20261204T0931,
  },
  routes: agendaRoutes,
  demo: { order: 40, load: loadAgendaDemo },
  // after the persons (20) and their events (30), which appointments' persons refer to; rooms and templates are the
  // organisation's configuration (the admin moves them)
  exchange: { order: 40, entities: agendaEntities, configuration: [roomsEntity.file, templatesEntity.file] },
})
