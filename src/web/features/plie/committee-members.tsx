import { useQueryClient } from '@tanstack/react-query'
import type { Committee } from '../../../shared/plie/committees.schema.ts'
import { MeetingMembers } from '../../components/meeting-members.tsx'
import { plieApi, refreshPlie } from './plie.api.ts'
import { membersBody } from './plie.bodies.ts'

/** The committee's members (components/meeting-members.tsx), saved with the committee's version. */
export function CommitteeMembers({ committee, editable }: { committee: Committee; editable: boolean }) {
  const client = useQueryClient()
  return (
    <MeetingMembers
      members={committee.members}
      editable={editable}
      save={(members) => plieApi.setMembers(committee.id, membersBody(members, committee.version))}
      refresh={() => refreshPlie(client)}
      id="comite-membres"
      tableLabel="Membres du comité"
    />
  )
}
