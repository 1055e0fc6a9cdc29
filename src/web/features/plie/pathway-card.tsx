import { Badge, Button, Card, Group, List, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import type { Pathway, PathwayStep } from '../../../shared/plie/pathways.schema.ts'
import { stepKinds } from '../../../shared/plie/plie.nomenclature.ts'
import { formatDate } from '../../components/format.ts'
import { EsfSection } from './esf-section.tsx'
import { ExitModal } from './exit-form.tsx'
import { ReferentModal } from './referent-form.tsx'
import { ReviewCase } from './review-case.tsx'
import { StepModal } from './step-form.tsx'

type Dialog = { kind: 'referent' } | { kind: 'step'; step?: PathwayStep } | { kind: 'exit' } | null

const period = (from: string, to: string | null) =>
  to ? `du ${formatDate(from)} au ${formatDate(to)}` : `depuis le ${formatDate(from)}`

/** One PLIE pathway of the file: referent and its history, steps, exit; the actions when the reader may write. */
export function PathwayCard({
  pathway,
  canWrite,
  canReview,
  index,
}: {
  pathway: Pathway
  canWrite: boolean
  /** the reader builds committee agendas: an open pathway may go to a committee for a review */
  canReview: boolean
  index: number
}) {
  const [dialog, setDialog] = useState<Dialog>(null)
  const titleId = `plie-parcours-${index}`
  const writable = canWrite && pathway.open
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={titleId}>
            Parcours PLIE {period(pathway.entryDate, pathway.exit?.date ?? null)}
          </Title>
          <Badge variant="light" color={pathway.open ? 'green' : 'gray'}>
            {pathway.open ? 'En cours' : 'Terminé'}
          </Badge>
        </Group>
        <div>
          <Text>
            Référent : <strong>{pathway.referentName ?? 'aucun'}</strong>
          </Text>
          {pathway.referents.length > 1 && (
            <List size="sm" aria-label="Historique des référents">
              {pathway.referents.map((r) => (
                <List.Item key={`${r.fromDate}-${r.referentId}`}>
                  {r.referentName ?? 'Inconnu'} à partir du {formatDate(r.fromDate)}
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <Title order={3} size="h5">
          Étapes
        </Title>
        {pathway.steps.length === 0 ? (
          <Text>Aucune étape.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Étapes du parcours">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Étape</Table.Th>
                  <Table.Th>Structure d’accueil</Table.Th>
                  <Table.Th>Référent de l’étape</Table.Th>
                  <Table.Th>Dates</Table.Th>
                  {writable && (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pathway.steps.map((s) => (
                  <Table.Tr key={s.situationId}>
                    <Table.Td>
                      {s.kindLabel}
                      <Text size="xs" c="dimmed">
                        {stepKinds.labels[s.stepKind]}
                      </Text>
                    </Table.Td>
                    <Table.Td>{s.organisationName ?? '—'}</Table.Td>
                    <Table.Td>{s.stepReferent ?? '—'}</Table.Td>
                    <Table.Td>
                      {period(s.startDate, s.endDate)}
                      {!s.endDate && s.plannedEndDate && (
                        <Text size="xs">fin prévue le {formatDate(s.plannedEndDate)}</Text>
                      )}
                    </Table.Td>
                    {writable && (
                      <Table.Td>
                        <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'step', step: s })}>
                          Modifier ou terminer<VisuallyHidden> l’étape {s.kindLabel}</VisuallyHidden>
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pathway.exit && (
          <Text>
            Sortie le {formatDate(pathway.exit.date)} : <strong>{pathway.exit.reasonLabel}</strong>
            {pathway.exit.positive ? ' (sortie positive)' : ''}
            {pathway.exit.partnerName ? `, créditée à ${pathway.exit.partnerName}` : ''}
          </Text>
        )}
        <EsfSection pathway={pathway} canWrite={canWrite} />
        {canWrite && (
          <Group>
            {writable && (
              <>
                <Button variant="default" onClick={() => setDialog({ kind: 'step' })}>
                  Ajouter une étape
                </Button>
                <Button variant="default" onClick={() => setDialog({ kind: 'referent' })}>
                  Changer de référent
                </Button>
              </>
            )}
            <Button variant={pathway.exit ? 'default' : 'filled'} onClick={() => setDialog({ kind: 'exit' })}>
              {pathway.exit ? 'Corriger la sortie' : 'Enregistrer la sortie'}
            </Button>
          </Group>
        )}
        {canReview && pathway.open && <ReviewCase enrolmentId={pathway.enrolmentId} />}
      </Stack>
      {dialog?.kind === 'referent' && (
        <ReferentModal enrolmentId={pathway.enrolmentId} version={pathway.version} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'step' && (
        <StepModal enrolmentId={pathway.enrolmentId} step={dialog.step} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'exit' && <ExitModal pathway={pathway} onClose={() => setDialog(null)} />}
    </Card>
  )
}
