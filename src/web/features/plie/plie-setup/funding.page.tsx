import { Alert, Button, Group, Loader, Select, Table, Text, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Funding } from '../../../../shared/plie/funding.schema.ts'
import { funders } from '../../../../shared/plie/plie.nomenclature.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatEuros, today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { fundingQuery } from './funding.api.ts'
import { FundingFormModal } from './funding-form.tsx'

// « Financements » (docs/plie.md « Funding »): the PLIE's operations of a year by funder, programmed and realised in
// euros, with the totals; the admin and the director record, change and delete them. The indicator plie.funding
// divides what was used by the participants in pathway.

const sum = (list: Funding[], pick: (f: Funding) => number | null) => list.reduce((s, f) => s + (pick(f) ?? 0), 0)
const realised = (f: Funding) => f.realisedCents
const programmed = (f: Funding) => f.programmedCents

function Amount({ cents }: { cents: number | null }) {
  return <Table.Td ta="right">{cents === null ? '—' : formatEuros(cents)}</Table.Td>
}

export function FundingPage() {
  const current = Number(today().slice(0, 4))
  const [year, setYear] = useState(current)
  const funding = useQuery(fundingQuery(year))
  const [editing, setEditing] = useState<{ funding?: Funding } | null>(null)
  const list = funding.data ?? []
  const years = Array.from({ length: 13 }, (_, i) => String(current + 2 - i))

  return (
    <Page title="Financements" actions={<Button onClick={() => setEditing({})}>Nouvelle opération</Button>}>
      <Text>
        Les opérations du PLIE par année et par financeur, avec leurs montants programmés et réalisés. Une opération
        sans montant réalisé compte pour son montant programmé dans le financement par participant.
      </Text>
      <Select
        label="Année"
        data={years}
        value={String(year)}
        onChange={(v) => v && setYear(Number(v))}
        allowDeselect={false}
        w={160}
      />
      <FormError error={funding.error} title="Chargement impossible" />
      {funding.isPending ? (
        <Loader aria-label="Chargement des financements" />
      ) : list.length === 0 ? (
        <Alert color="gray">Aucune opération enregistrée pour {year}.</Alert>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover>
            <caption>Opérations financées en {year}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Financeur</Table.Th>
                <Table.Th>Opération</Table.Th>
                <Table.Th ta="right">Programmé</Table.Th>
                <Table.Th ta="right">Réalisé</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            {funders.codes.map((funder) => {
              const ofFunder = list.filter((f) => f.funder === funder)
              if (ofFunder.length === 0) return null
              return (
                <Table.Tbody key={funder}>
                  {ofFunder.map((f) => (
                    <Table.Tr key={f.id}>
                      <Table.Td>{f.funderLabel}</Table.Td>
                      <Table.Th scope="row" fw={500}>
                        {f.operation}
                      </Table.Th>
                      <Amount cents={f.programmedCents} />
                      <Amount cents={f.realisedCents} />
                      <Table.Td>
                        <Group justify="flex-end">
                          <Button size="xs" variant="light" onClick={() => setEditing({ funding: f })}>
                            Modifier<VisuallyHidden> {f.operation}</VisuallyHidden>
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {ofFunder.length > 1 && (
                    <Table.Tr>
                      <Table.Th scope="row" colSpan={2}>
                        Total {funders.labels[funder]}
                      </Table.Th>
                      <Amount cents={sum(ofFunder, programmed)} />
                      <Amount cents={sum(ofFunder, realised)} />
                      <Table.Td />
                    </Table.Tr>
                  )}
                </Table.Tbody>
              )
            })}
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={2}>
                  Total {year}
                </Table.Th>
                <Table.Th ta="right">{formatEuros(sum(list, programmed))}</Table.Th>
                <Table.Th ta="right">{formatEuros(sum(list, realised))}</Table.Th>
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      <FundingFormModal
        year={year}
        funding={editing?.funding}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Page>
  )
}
