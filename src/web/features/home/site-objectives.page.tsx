import { Alert, Button, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { can } from '../../../shared/auth/roles.ts'
import type { SiteObjectives, SiteObjectivesInput } from '../../../shared/home/home.schema.ts'
import { type KeyFigure, keyFigureCodes, keyFigures } from '../../../shared/home/key-figures.ts'
import { isApiError } from '../../api.ts'
import { FormError } from '../../components/form-error.tsx'
import { today } from '../../components/format.ts'
import { Page } from '../../components/page.tsx'
import { useMe } from '../auth/auth.api.ts'
import { homeApi, siteObjectivesQuery } from './home.api.ts'

type Values = Record<string, number | ''>
const cellKey = (siteId: string, figure: KeyFigure) => `${siteId}/${figure}`

function valuesOf(data: SiteObjectives): Values {
  const values: Values = {}
  for (const site of data.sites) for (const f of keyFigureCodes) values[cellKey(site.id, f)] = ''
  for (const o of data.items) values[cellKey(o.siteId, o.figure)] = o.target
  return values
}

/**
 * Each site's yearly objective on the key figures of the director's home page. The director and the admin set them
 * (only the cells changed are sent, each with the version read: someone else's change meanwhile is a conflict that
 * asks to reload); the statistician reads them.
 */
export function SiteObjectivesPage() {
  const me = useMe()
  const queryClient = useQueryClient()
  const current = Number(today().slice(0, 4))
  const [year, setYear] = useState(current)
  const q = useQuery(siteObjectivesQuery(year))
  const initial = useMemo(() => (q.data ? valuesOf(q.data) : {}), [q.data])
  const [values, setValues] = useState<Values>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    setValues(initial)
    setErrors({})
  }, [initial])
  const manage = can(me.role, 'siteObjectivesManage')

  const changed = Object.keys(values).filter((k) => values[k] !== initial[k])
  const items: SiteObjectivesInput['items'] = changed.map((k) => {
    const [siteId, figure] = k.split('/') as [string, KeyFigure]
    const row = q.data?.items.find((o) => o.siteId === siteId && o.figure === figure)
    const v = values[k]
    return { siteId, figure, target: v === '' || v === undefined ? null : v, version: row?.version ?? null }
  })
  const save = useMutation({
    mutationFn: () => homeApi.saveObjectives(year, { items }),
    onMutate: () => {
      setSaved(false)
      setErrors({})
    },
    onSuccess: (data) => {
      queryClient.setQueryData(siteObjectivesQuery(year).queryKey, data)
      void queryClient.invalidateQueries({ queryKey: ['home', 'key-figures'] })
      setSaved(true)
    },
    onError: (error) => {
      if (!isApiError(error)) return
      const byCell: Record<string, string> = {}
      for (const f of error.fields) {
        const m = /^items\.(\d+)\./.exec(f.field)
        const item = m ? items[Number(m[1])] : undefined
        if (item) byCell[cellKey(item.siteId, item.figure)] = f.message
      }
      setErrors(byCell)
    },
  })
  const conflict = isApiError(save.error) && save.error.status === 409

  return (
    <Page title="Objectifs des sites">
      <Text>
        L’objectif de l’année de chaque site sur les chiffres clés de la page d’accueil de la direction, qui les compare
        aux chiffres de l’année à ce jour. Une case vide : pas d’objectif.
      </Text>
      <Group>
        <Select
          label="Année"
          data={[current - 1, current, current + 1].map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={140}
        />
      </Group>
      <FormError error={q.error} title="Chargement impossible" />
      {q.data && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            if (items.length) save.mutate()
          }}
        >
          <Stack gap="md">
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Caption>Objectifs {year} par site</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Site</Table.Th>
                    {keyFigureCodes.map((f) => (
                      <Table.Th key={f}>{keyFigures[f].label}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.sites.map((site) => (
                    <Table.Tr key={site.id}>
                      <Table.Th scope="row" fw={400}>
                        {site.name}
                      </Table.Th>
                      {keyFigureCodes.map((f) => {
                        const k = cellKey(site.id, f)
                        return (
                          <Table.Td key={f}>
                            <NumberInput
                              aria-label={`${keyFigures[f].label}, ${site.name}`}
                              value={values[k] ?? ''}
                              onChange={(v) =>
                                setValues((all) => ({
                                  ...all,
                                  [k]: typeof v === 'number' ? v : v === '' ? '' : Number(v),
                                }))
                              }
                              min={0}
                              max={1_000_000}
                              allowDecimal={false}
                              allowNegative={false}
                              thousandSeparator=" "
                              disabled={!manage}
                              error={errors[k]}
                              w={130}
                            />
                          </Table.Td>
                        )
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {conflict ? (
              <Alert color="orange" title="Modifié entre-temps" role="alert">
                <Stack gap="sm">
                  <Text size="sm">{isApiError(save.error) ? save.error.detail : ''}</Text>
                  <div>
                    <Button variant="default" onClick={() => void q.refetch().then(() => save.reset())}>
                      Recharger les objectifs
                    </Button>
                  </div>
                </Stack>
              </Alert>
            ) : (
              <FormError error={save.error} title="Enregistrement impossible" />
            )}
            {saved && !changed.length && (
              <Alert color="green" variant="light" role="status">
                Objectifs enregistrés.
              </Alert>
            )}
            {manage && (
              <Group>
                <Button type="submit" loading={save.isPending} disabled={!changed.length}>
                  Enregistrer
                </Button>
                <Button variant="default" disabled={!changed.length} onClick={() => setValues(initial)}>
                  Annuler les modifications
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      )}
    </Page>
  )
}
