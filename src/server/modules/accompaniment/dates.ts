// Calendar days as 'yyyy-mm-dd' strings, from the one set of date helpers (src/shared/dates.ts). "Today" is the
// structure's day: localDay(now, actor.timeZone), from the injected clock (never new Date()).
export { addDays, ageOn, dayIn as localDay, daysBetween, frenchDate } from '../../../shared/dates.ts'
