import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { bodyErrors } from './body-errors.ts'

const schema = z
  .object({ name: z.string().min(1, 'Nom requis.'), items: z.array(z.object({ code: z.enum(['a', 'b'], 'Code ?') })) })
  .superRefine((v, ctx) => {
    if (v.name === 'x') ctx.addIssue({ code: 'custom', path: ['name'], message: 'Pas x.' })
  })

describe('bodyErrors', () => {
  it('is empty for a valid body', () => {
    expect(bodyErrors(schema, { name: 'n', items: [{ code: 'a' }] })).toEqual({})
  })

  it('keys the schema’s messages by the body’s paths', () => {
    expect(bodyErrors(schema, { name: '', items: [{ code: 'a' }, { code: 'z' }] })).toEqual({
      name: 'Nom requis.',
      'items.1.code': 'Code ?',
    })
  })

  it('moves a message to the form’s field, the first message of a field winning', () => {
    const errors = bodyErrors(schema, { name: 'n', items: [{ code: 'y' }, { code: 'z' }] }, (path) =>
      path.startsWith('items.') ? 'items' : path,
    )
    expect(errors).toEqual({ items: 'Code ?' })
  })
})
