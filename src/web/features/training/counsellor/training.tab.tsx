import { Alert, Anchor, Button, Loader, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import type { Prescription } from '../../../../shared/training/prescriptions.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import type { FileTabProps } from '../../../web-module.ts'
import { useMe } from '../../auth/auth.api.ts'
import { prescriptionStatusLabel } from '../training.labels.ts'
import { CounsellorActions, PrescriptionCard } from './prescription-card.tsx'
import { PrescriptionForm } from './prescription-form.tsx'
import { personPrescriptionsQuery } from './prescriptions.api.ts'

/**
 * The person file's « Formation » tab (docs/training/screens.md « Le conseiller et l’organisme de formation »): the
 * person's prescriptions, most recent first, each with its answers and history; the counsellor's « Prescrire une
 * formation »; the training officer's link to each prescription.
 */
export function TrainingTab({ person }: FileTabProps) {
  const me = useMe()
  const prescriptions = useQuery(personPrescriptionsQuery(person.id))
  const [open, setOpen] = useState(false)
  const [created, setCreated] = useState<Prescription | null>(null)
  const prescribe = can(me.role, 'trainingPrescribe') && person.can.readFile
  const manage = can(me.role, 'trainingManage')
  return (
    <Stack gap="lg">
      {prescribe &&
        (open ? (
          <PrescriptionForm
            person={person}
            onCancel={() => setOpen(false)}
            onCreated={(p) => {
              setCreated(p)
              setOpen(false)
            }}
          />
        ) : (
          <Button
            w="fit-content"
            onClick={() => {
              setCreated(null)
              setOpen(true)
            }}
          >
            Prescrire une formation
          </Button>
        ))}
      {created && (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel="Fermer"
          onClose={() => setCreated(null)}
          title={`Prescription envoyée : ${prescriptionStatusLabel(created.status)}`}
        >
          {created.session.actionTitle} ({created.session.bodyName})
          {created.answerDueOn &&
            `, réponse du département formation attendue au plus tard le ${created.answerDueOn.split('-').reverse().join('/')}`}
          .
        </Alert>
      )}
      <section aria-labelledby="formation-prescriptions">
        <Title order={2} size="h4" id="formation-prescriptions" mb="xs">
          Prescriptions de formation
        </Title>
        <FormError error={prescriptions.error} title="Chargement impossible" />
        {prescriptions.isPending ? (
          <Loader aria-label="Chargement des prescriptions" />
        ) : prescriptions.data?.length === 0 ? (
          <Text>Aucune prescription de formation.</Text>
        ) : (
          <Stack gap="sm">
            {(prescriptions.data ?? []).map((p) => (
              <PrescriptionCard
                key={p.id}
                prescription={p}
                actions={
                  manage ? (
                    <Anchor href={`/formation/prescriptions/${encodeURIComponent(p.id)}`} size="sm">
                      Traiter la prescription
                    </Anchor>
                  ) : (
                    can(me.role, 'trainingPrescribe') && <CounsellorActions prescription={p} />
                  )
                }
              />
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  )
}
