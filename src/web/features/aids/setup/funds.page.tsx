import { Badge, Button, Group, Loader, Table, Text, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { decisionModes } from '../../../../shared/aids/aids.nomenclature.ts'
import type { Fund } from '../../../../shared/aids/funds.schema.ts'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { Forbidden } from '../../../routes/errors.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { fundsQuery } from '../aids.api.ts'
import { purposeLabel, trackLabel } from '../aids.labels.ts'
import { FundEnvelopes } from './envelopes.tsx'
import { FundFormModal } from './fund-form.tsx'

// « Fonds et enveloppes » (docs/aids.md « Screens: configuration, commissions, allowance, projects »): the funds with
// their rules, and a fund's envelopes of a year. The admin and the director change them; the aid officer and the
// counsellor read the funds (the envelopes: the aid officer).

const ceilings = (f: Fund) =>
  [
    f.ceilingRequestCents !== null && `${formatEuros(f.ceilingRequestCents)} par demande`,
    f.ceilingPersonYearCents !== null && `${formatEuros(f.ceilingPersonYearCents)} par jeune et par an`,
    f.ceilingMonthCents !== null && `${formatEuros(f.ceilingMonthCents)} par mois`,
    f.fixedAmountCents !== null && `forfait ${formatEuros(f.fixedAmountCents)}`,
  ]
    .filter(Boolean)
    .join(' ; ') || '—'
const period = (f: Fund) =>
  f.opensOn || f.closesOn
    ? `${f.opensOn ? `du ${formatDate(f.opensOn)}` : ''}${f.closesOn ? ` au ${formatDate(f.closesOn)}` : ''}`.trim()
    : 'Toute l’année'

export function FundsPage() {
  const me = useMe()
  const setup = can(me.role, 'aidSetup')
  if (!setup && !can(me.role, 'aidRequests')) return <Forbidden />
  return (
    <FundsView
      setup={setup}
      envelopes={setup || can(me.role, 'aidWholeStructure')}
      dashboards={can(me.role, 'aidWholeStructure')}
    />
  )
}

function FundsView({ setup, envelopes, dashboards }: { setup: boolean; envelopes: boolean; dashboards: boolean }) {
  const funds = useQuery(fundsQuery())
  const [editing, setEditing] = useState<{ fund?: Fund } | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const list = funds.data ?? []
  const shown = list.find((f) => f.id === chosen) ?? list[0]
  return (
    <Page title="Fonds et enveloppes" actions={setup && <Button onClick={() => setEditing({})}>Nouveau fonds</Button>}>
      <FormError error={funds.error} title="Chargement impossible" />
      {funds.isPending ? (
        <Loader aria-label="Chargement des fonds" />
      ) : list.length === 0 ? (
        <Text>Aucun fonds enregistré.</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped>
            <Table.Caption>Les fonds d’aides de la structure</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Fonds</Table.Th>
                <Table.Th>Nature et financeur</Table.Th>
                <Table.Th>Voies et objets</Table.Th>
                <Table.Th>Décision</Table.Th>
                <Table.Th>Plafonds</Table.Th>
                <Table.Th>Pièces</Table.Th>
                <Table.Th>Période</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Th scope="row" fw={500}>
                    {dashboards ? (
                      <AnchorLink to="/aides/fonds/$id" params={{ id: f.id }}>
                        {f.code} — {f.name}
                      </AnchorLink>
                    ) : (
                      `${f.code} — ${f.name}`
                    )}
                    {!f.active && (
                      <Badge ml="xs" variant="light" color="gray">
                        Inactif
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>
                    {f.kindLabel}
                    <Text size="sm" c="dimmed">
                      {f.funder}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {f.tracks.map(trackLabel).join(', ')}
                    <Text size="sm" c="dimmed">
                      {f.purposes.map(purposeLabel).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{decisionModes.labels[f.decidedBy]}</Table.Td>
                  <Table.Td>{ceilings(f)}</Table.Td>
                  <Table.Td>{f.documents.length === 0 ? 'Aucune' : f.documents.join(', ')}</Table.Td>
                  <Table.Td>{period(f)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {envelopes && (
                        <Button
                          size="xs"
                          variant={shown?.id === f.id ? 'filled' : 'default'}
                          aria-pressed={shown?.id === f.id}
                          onClick={() => setChosen(f.id)}
                        >
                          Enveloppes<VisuallyHidden> du {f.code}</VisuallyHidden>
                        </Button>
                      )}
                      {setup && (
                        <Button size="xs" variant="light" onClick={() => setEditing({ fund: f })}>
                          Modifier<VisuallyHidden> le {f.code}</VisuallyHidden>
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {envelopes && shown && <FundEnvelopes key={shown.id} fund={shown} editable={setup} />}
      <FundFormModal fund={editing?.fund} opened={editing !== null} onClose={() => setEditing(null)} />
    </Page>
  )
}
