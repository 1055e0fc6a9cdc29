import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'

// Calendar files with ical-generator (RFC 5545): the invitation attached to a convocation, and a counsellor's feed.

export interface IcsEvent {
  id: string
  start: Date
  end: Date
  summary: string
  location: string | null
  description?: string | null
  url?: string | null
  cancelled?: boolean
}

const PRODUCT = { company: 'Jalon', product: 'Agenda', language: 'FR' }

/** One appointment as an invitation (METHOD:REQUEST): a mail client offers to add it to the person's calendar. */
export function invitation(e: IcsEvent, organiser: { name: string; email: string }): string {
  // instants in UTC (…Z): without a VTIMEZONE block, a TZID would leave some clients guessing
  const cal = ical({ prodId: PRODUCT, method: ICalCalendarMethod.REQUEST })
  cal.createEvent({
    id: `${e.id}@jalon`,
    start: e.start,
    end: e.end,
    summary: e.summary,
    location: e.location,
    description: e.description ?? null,
    url: e.url ?? null,
    organizer: organiser,
  })
  return cal.toString()
}

/** A counsellor's agenda as a subscribed calendar. */
export function feed(name: string, events: IcsEvent[]): string {
  const cal = ical({ prodId: PRODUCT, name, ttl: 15 * 60 })
  for (const e of events)
    cal.createEvent({
      id: `${e.id}@jalon`,
      start: e.start,
      end: e.end,
      summary: e.summary,
      location: e.location,
      description: e.description ?? null,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  return cal.toString()
}
