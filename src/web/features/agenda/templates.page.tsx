import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { placeholders, type Template, templateLabels } from '../../../shared/agenda/messages.schema.ts'
import { isApiError } from '../../api.ts'
import { FormError } from '../../components/form-error.tsx'
import { Page } from '../../components/page.tsx'
import { agendaApi, templatesQuery } from './agenda.api.ts'

/** The texts of convocations and reminders, by e-mail and SMS; French defaults until the admin edits them. */
export function TemplatesPage() {
  const list = useQuery(templatesQuery)
  return (
    <Page title="Modèles de messages">
      <Stack>
        <Text size="sm">
          Champs remplacés à l’envoi :{' '}
          {Object.entries(placeholders)
            .map(([k, v]) => `{${k}} (${v})`)
            .join(', ')}
          .
        </Text>
        <FormError error={list.error} />
        {list.data?.map((t) => (
          <TemplateForm key={`${t.key}-${t.version}`} template={t} />
        ))}
      </Stack>
    </Page>
  )
}

function TemplateForm({ template }: { template: Template }) {
  const client = useQueryClient()
  const [subject, setSubject] = useState(template.subject ?? '')
  const [body, setBody] = useState(template.body)
  const save = useMutation({
    mutationFn: () =>
      agendaApi.saveTemplate(template.key, {
        subject: template.key.endsWith('_email') ? subject : null,
        body,
        version: template.version,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: templatesQuery.queryKey }),
  })
  const fieldError = (f: string) => (isApiError(save.error) ? save.error.fieldErrors()[f] : undefined)
  const id = `modele-${template.key}`
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={id}>
          {templateLabels[template.key]}
          {!template.custom && (
            <Text span size="sm" c="dimmed">
              {' '}
              (texte par défaut)
            </Text>
          )}
        </Title>
        <FormError error={save.error} title="Modèle non enregistré" />
        {template.key.endsWith('_email') && (
          <TextInput
            label="Objet"
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={fieldError('subject')}
          />
        )}
        <Textarea
          label="Texte"
          autosize
          minRows={3}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fieldError('body')}
        />
        <Group justify="flex-end">
          <Button variant="light" loading={save.isPending} onClick={() => save.mutate()}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
