import { useQueryClient } from '@tanstack/react-query'
import type { Commission } from '../../../../shared/aids/commissions.schema.ts'
import { MeetingMembers } from '../../../components/meeting-members.tsx'
import { refreshAids } from '../aids.api.ts'
import { setupApi } from '../setup.api.ts'

/** The commission's members (components/meeting-members.tsx), saved with the commission's version. */
export function CommissionMembers({ commission, editable }: { commission: Commission; editable: boolean }) {
  const client = useQueryClient()
  return (
    <MeetingMembers
      members={commission.members}
      editable={editable}
      save={(members) => setupApi.setMembers(commission.id, { members, version: commission.version })}
      refresh={() => refreshAids(client)}
      id="commission-membres"
      tableLabel="Membres de la commission"
    />
  )
}
