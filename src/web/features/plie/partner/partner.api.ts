import { queryOptions } from '@tanstack/react-query'
import type { PartnerPerson } from '../../../../shared/plie/organisations.schema.ts'
import { api } from '../../../api.ts'

// What a partner account sees (docs/plie.md « Setup and partners »): its people, their steps at its organisation, the
// exits credited to it.
export const partnerPeopleQuery = queryOptions({
  queryKey: ['plie', 'partner', 'people'],
  queryFn: ({ signal }) => api.get<PartnerPerson[]>('/api/plie/partner/people', undefined, signal),
})
