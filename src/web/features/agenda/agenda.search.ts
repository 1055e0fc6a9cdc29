import { z } from 'zod'
import { calendarDate } from '../../../shared/primitives.ts'

/** The agenda's state in the URL (?vue=semaine&date=2026-03-02&conseiller=…): a wrong value reads as the default. */
export const agendaSearchSchema = z.object({
  vue: z.enum(['jour', 'semaine', 'liste']).catch('semaine'),
  date: calendarDate().optional().catch(undefined),
  conseiller: z.uuid().optional().catch(undefined),
  site: z.uuid().optional().catch(undefined),
  salle: z.uuid().optional().catch(undefined),
})
export type AgendaSearch = z.infer<typeof agendaSearchSchema>
