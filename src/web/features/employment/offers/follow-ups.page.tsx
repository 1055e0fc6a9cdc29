import { Loader, SegmentedControl, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { contractText, followUpOutcomeLabel, milestoneText, personName } from '../employment.labels.ts'
import { RecordFollowUpButton } from './follow-up-form.tsx'
import { type FollowUpItem, followUpsQuery } from './offers.api.ts'

// « Suivis des embauches » (docs/employment/screens.md): the follow-ups of hires at 1, 3 and 6 months, overdue first
// (in red), then those due within 30 days; each one recorded from its line.

export function FollowUpsTable({
  items,
  caption,
  record,
}: {
  items: FollowUpItem[]
  caption: string
  record: boolean
}) {
  const day = today()
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Personne</Table.Th>
            <Table.Th>Entreprise et poste</Table.Th>
            <Table.Th>Contrat</Table.Th>
            <Table.Th>Embauche le</Table.Th>
            <Table.Th>Suivi</Table.Th>
            <Table.Th>À faire le</Table.Th>
            {record && <Table.Th>Action</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Th scope="row" fw={500}>
                <AnchorLink to="/personnes/$id" params={{ id: f.placement.person.id }} search={{ onglet: 'emploi' }}>
                  {personName(f.placement.person)}
                </AnchorLink>
              </Table.Th>
              <Table.Td>
                {f.placement.employerName}
                {f.placement.jobTitle && (
                  <Text size="xs" c="dimmed">
                    {f.placement.jobTitle}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{contractText(f.placement.contractKind, f.placement.durationMonths)}</Table.Td>
              <Table.Td>{formatDate(f.placement.startDate)}</Table.Td>
              <Table.Td>{milestoneText(f.milestoneMonths)}</Table.Td>
              <Table.Td>
                {formatDate(f.dueOn)}
                {f.doneOn ? (
                  <Text size="xs">
                    fait le {formatDate(f.doneOn)} : {followUpOutcomeLabel(f.outcome)}
                  </Text>
                ) : (
                  f.dueOn < day && (
                    <Text span size="sm" c="red.9" fw={600}>
                      {' '}
                      (en retard)
                    </Text>
                  )
                )}
              </Table.Td>
              {record && (
                <Table.Td>{!f.doneOn && <RecordFollowUpButton followUp={f} person={f.placement.person} />}</Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

const WHEN = [
  { value: 'overdue', label: 'En retard' },
  { value: 'upcoming', label: 'Dans les 30 jours' },
  { value: 'all', label: 'Tous' },
] as const

export function FollowUpsPage() {
  const me = useMe()
  const [when, setWhen] = useState<'overdue' | 'upcoming' | 'all'>('overdue')
  const list = useQuery(followUpsQuery(when))
  const items = list.data?.items ?? []
  return (
    <Page title="Suivis des embauches">
      <SegmentedControl
        aria-label="Quels suivis"
        w="fit-content"
        data={WHEN.map((w) => ({ ...w }))}
        value={when}
        onChange={(v) => setWhen(v as typeof when)}
      />
      <FormError error={list.error} title="Chargement impossible" />
      {list.isPending ? (
        <Loader aria-label="Chargement des suivis" />
      ) : items.length === 0 ? (
        <Text>Aucun suivi {when === 'overdue' ? 'en retard' : when === 'upcoming' ? 'dans les 30 jours' : ''}.</Text>
      ) : (
        <FollowUpsTable
          items={items}
          caption={`Suivis des embauches : ${WHEN.find((w) => w.value === when)?.label.toLowerCase()}`}
          record={can(me.role, 'employmentManage')}
        />
      )}
    </Page>
  )
}
