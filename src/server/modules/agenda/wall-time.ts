// The structure's wall time and instants: an appointment is typed as a day and 'HH:MM' in the structure's time zone
// (structure.time_zone) and stored as instants (timestamptz), so a feed, a reminder job or a reader elsewhere agree.
// Intl gives the zone's offset at an instant; the day's DST change is settled by trying the offset twice.

const formats = new Map<string, Intl.DateTimeFormat>()
function format(timeZone: string) {
  let f = formats.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formats.set(timeZone, f)
  }
  return f
}

function parts(at: Date, timeZone: string) {
  const p = Object.fromEntries(
    format(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  )
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    utc: Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!),
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (Paris in winter: 3 600 000). */
const offsetAt = (at: number, timeZone: string) => parts(new Date(at), timeZone).utc - Math.floor(at / 1000) * 1000

/** The instant of a wall time ('yyyy-mm-dd', 'HH:MM') in a zone; in a DST gap, the instant after it. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`)
  const first = asUtc - offsetAt(asUtc, timeZone)
  const second = asUtc - offsetAt(first, timeZone)
  return new Date(second)
}

/** The wall day and time ('HH:MM') of an instant in a zone. */
export function wallOf(at: Date, timeZone: string): { date: string; time: string } {
  const { date, time } = parts(at, timeZone)
  return { date, time }
}
