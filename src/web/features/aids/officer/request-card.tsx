import { Badge, Card, Group, List, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { formatDate, formatDateTime, formatEuros } from '../../../components/format.ts'
import type { AidRequestFull } from '../aids.api.ts'
import { modeLabel, purposeLabel, statusColor, trackLabel } from '../aids.labels.ts'
import { hoursLeftLabel, hoursLeftOf } from './aids.bodies.ts'

const waiting = (status: string) => status === 'submitted' || status === 'complete'

/** An emergency not decided yet: the hours left before its 48 hours are out, red when late. */
export function TimeLeft({ hours }: { hours: number }) {
  return (
    <Badge color={hours < 0 ? 'red' : hours < 12 ? 'orange' : 'blue'} variant={hours < 0 ? 'filled' : 'light'}>
      {hoursLeftLabel(hours)}
    </Badge>
  )
}

/** What a request says: fund, track, purpose, amounts, status (missing documents, time left), decision, payments. */
export function RequestCard({
  request: r,
  actions,
  payments = true,
}: {
  request: AidRequestFull
  actions?: ReactNode
  /** false where a table of the payments with their actions follows */
  payments?: boolean
}) {
  const title = `${r.fundCode} — ${purposeLabel(r.purpose)}`
  return (
    <Card withBorder component="article" aria-label={`Demande ${title} du ${formatDate(r.askedOn)}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{title}</Text>
          <Group gap="xs">
            {r.dueAt && waiting(r.status) && <TimeLeft hours={hoursLeftOf(r.dueAt)} />}
            <Badge color={statusColor(r.status)} variant="light">
              {r.statusLabel}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {r.fundName} · {trackLabel(r.track)} · demandée le {formatDate(r.askedOn)}
          {r.dueAt && ` · à décider avant le ${formatDateTime(r.dueAt)}`}
        </Text>
        <Text size="sm">
          Demandé : {formatEuros(r.amountAskedCents)}
          {r.amountGrantedCents !== null && ` · Accordé : ${formatEuros(r.amountGrantedCents)}`}
          {(r.paidCents !== 0 || r.amountGrantedCents !== null) && ` · Payé : ${formatEuros(r.paidCents)}`}
          {r.scheduledCents > 0 && ` · Programmé : ${formatEuros(r.scheduledCents)}`}
        </Text>
        {r.status === 'submitted' && r.missingDocuments.length > 0 && (
          <Text size="sm" c="orange.9">
            Pièces manquantes : {r.missingDocuments.join(', ')}
          </Text>
        )}
        {r.status === 'complete' && (
          <Text size="sm">
            Dossier complet, {r.decidedIn === 'commission' ? 'à présenter en commission' : 'à décider'}.
          </Text>
        )}
        {r.argument && <Text size="sm">Argumentaire : {r.argument}</Text>}
        {r.decidedOn && (
          <Text size="sm">
            Décidée le {formatDate(r.decidedOn)}
            {r.refusalCriterion && ` — critère : ${r.refusalCriterion}`}
            {r.decisionReason && ` — ${r.decisionReason}`}
          </Text>
        )}
        {r.proofReceivedOn && <Text size="sm">Justificatif reçu le {formatDate(r.proofReceivedOn)}</Text>}
        {payments && r.payments.length > 0 && (
          <List size="sm" aria-label="Paiements">
            {r.payments.map((p) => (
              <List.Item key={p.id}>
                {formatEuros(p.amountCents)} — {modeLabel(p.mode)}
                {p.payee && ` à ${p.payee}`}
                {p.paidOn ? ` le ${formatDate(p.paidOn)}` : ` prévu le ${formatDate(p.dueOn)}`}
                {p.cancelsId && ` (contre-passation${p.reason ? ` : ${p.reason}` : ''})`}
                {p.cancelledBy && ' (annulé)'}
              </List.Item>
            ))}
          </List>
        )}
        {actions}
      </Stack>
    </Card>
  )
}
