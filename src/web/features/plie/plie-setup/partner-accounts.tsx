import { Alert, Loader, MultiSelect, Stack, Text } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Organisation } from '../../../../shared/plie/organisations.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { organisationsQuery, partnerUsersQuery, setupApi } from './setup.api.ts'

/**
 * The partner accounts linked to an organisation (they see its people and steps, nothing else). The admin picks them
 * among the structure's accounts of role « Partenaire » (created under Administration / Utilisateurs).
 */
export function PartnerAccountsModal({ organisation, onClose }: { organisation?: Organisation; onClose: () => void }) {
  return (
    <AppModal
      opened={organisation !== undefined}
      onClose={onClose}
      title={organisation ? `Comptes partenaires de ${organisation.name}` : 'Comptes partenaires'}
      size="lg"
    >
      {organisation && <PartnerAccountsForm organisation={organisation} onDone={onClose} />}
    </AppModal>
  )
}

function PartnerAccountsForm({ organisation, onDone }: { organisation: Organisation; onDone: () => void }) {
  const queryClient = useQueryClient()
  const users = useQuery(partnerUsersQuery)
  const [userIds, setUserIds] = useState(organisation.userIds)
  const save = useMutation({
    mutationFn: () => setupApi.linkUsers(organisation.id, { userIds, version: organisation.version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organisationsQuery.queryKey })
      onDone()
    },
    onError: async (error) => {
      if (isApiError(error) && error.code === 'version_conflict')
        await queryClient.invalidateQueries({ queryKey: organisationsQuery.queryKey })
    },
  })
  if (users.isPending) return <Loader size="sm" aria-label="Chargement des comptes partenaires" />
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName} (${u.email})${u.active ? '' : ' — inactif'}`,
  }))
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate()
      }}
    >
      <Stack gap="md">
        <FormError error={users.error ?? save.error} title="Enregistrement impossible" />
        <Text size="sm">
          Un compte partenaire voit seulement les personnes qui ont une étape dans cette structure ou dont la sortie lui
          est créditée : leurs noms, ces étapes et cette sortie.
        </Text>
        {options.length === 0 ? (
          <Alert color="gray">
            Aucun compte de rôle « Partenaire » : créez-le d’abord dans Administration / Utilisateurs.
          </Alert>
        ) : (
          <MultiSelect
            label="Comptes rattachés"
            data={options}
            value={userIds}
            onChange={setUserIds}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Retirer tous les comptes' }}
            hidePickedOptions
            nothingFoundMessage="Aucun compte trouvé"
            error={isApiError(save.error) ? save.error.fieldErrors().userIds : undefined}
          />
        )}
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
