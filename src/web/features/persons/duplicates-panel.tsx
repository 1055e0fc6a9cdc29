import { Alert, Badge, Button, List, Stack, Text, VisuallyHidden } from '@mantine/core'
import { forwardRef } from 'react'
import type { DuplicateCandidate } from '../../../shared/persons/person.schema.ts'
import { formatDate } from '../../components/format.ts'
import { AnchorLink } from './anchor-link.tsx'

/**
 * Likely duplicates of the identity being typed: each with why it looks alike, a link to open the file when the user
 * may, or a word that the person is known elsewhere; and the way out when it really is someone else.
 */
export const DuplicatesPanel = forwardRef<
  HTMLDivElement,
  {
    candidates: DuplicateCandidate[]
    onConfirm: () => void
    confirming: boolean
  }
>(function DuplicatesPanel({ candidates, onConfirm, confirming }, ref) {
  const many = candidates.length > 1
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="orange"
      variant="light"
      title={
        many
          ? `${candidates.length} personnes déjà connues se rapprochent de celle-ci`
          : 'Une personne déjà connue se rapproche de celle-ci'
      }
      role="status"
    >
      <Stack gap="sm">
        <Text size="sm">Vérifiez avant de créer un dossier : un doublon disperse le suivi de la personne.</Text>
        <List spacing="sm" aria-label="Doublons probables">
          {candidates.map((c, i) => (
            <List.Item key={c.id ?? `hidden-${i}`}>
              <Text fw={700} span>
                {c.lastName.toUpperCase()} {c.firstName}
              </Text>
              <Text span>, né(e) le {formatDate(c.birthDate)}</Text>
              <Text size="sm">
                {c.siteName}
                {c.referentName ? ` — référent : ${c.referentName}` : ' — sans référent'}
              </Text>
              <Text size="sm" fs="italic">
                {c.reason}
              </Text>
              {c.visible && c.id ? (
                <AnchorLink to="/personnes/$id" params={{ id: c.id }} size="sm" fw={600} c="blue.9">
                  Ouvrir ce dossier<VisuallyHidden component="span">{` : ${c.lastName} ${c.firstName}`}</VisuallyHidden>
                </AnchorLink>
              ) : (
                <Badge color="gray" variant="light" mt={4}>
                  Connu(e) sur un autre site
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
        <div>
          <Button variant="default" onClick={onConfirm} loading={confirming}>
            Ce n’est pas la même personne, créer le dossier
          </Button>
        </div>
      </Stack>
    </Alert>
  )
})
