import { describe, expect, it } from 'vitest'
import {
  type CreateValues,
  createBody,
  duplicateQuery,
  emptyEntrySituation,
  emptyFirstInterview,
  emptyIdentity,
  identityFromSearch,
  validateCreate,
  validateIdentityUpdate,
} from './person-bodies.ts'

const SITE = '6f1f2c1e-2b8a-4c61-9d5c-8a0c2c3b4d5e'

const complete = (): CreateValues => ({
  ...emptyIdentity(SITE),
  lastName: 'Oyelaran',
  firstName: 'Maïwenn',
  sex: 'F',
  birthDate: '2006-05-14',
  programmeId: null,
  firstReception: { date: '2026-02-20', siteId: null, referralSource: 'france_travail' },
  situation: emptyEntrySituation(),
  firstInterview: emptyFirstInterview(),
})

describe('the creation form, checked by the API’s schema', () => {
  it('takes a complete file and sends what the API expects', () => {
    const values = complete()
    values.situation.attributes.housing = 'with_parents'
    values.situation.level2019 = '4'
    values.situation.statuses = ['long_term_unemployed']
    expect(validateCreate(values)).toEqual({})
    expect(createBody(values, true)).toMatchObject({
      lastName: 'Oyelaran',
      phone: null,
      priorityArea: null,
      firstReception: { date: '2026-02-20', siteId: undefined, referralSource: 'france_travail' },
      situation: {
        attributes: [
          { attribute: 'housing', value: 'with_parents' },
          { attribute: 'education_level', level2019: 4 },
        ],
        statuses: [{ status: 'long_term_unemployed' }],
      },
      confirmNotDuplicate: true,
    })
  })

  it('sends the first interview only when it is to be booked, and says what it lacks', () => {
    const values = complete()
    expect(createBody(values, false)).not.toHaveProperty('firstInterview')
    values.firstInterview = { ...values.firstInterview, book: true }
    expect(validateCreate(values)).toEqual({
      'firstInterview.date': 'Date requise.',
      'firstInterview.start': 'Heure de début requise.',
      'firstInterview.end': 'Heure de fin requise.',
    })
    values.firstInterview = { ...values.firstInterview, date: '2026-02-23', start: '10:00', end: '09:30' }
    expect(validateCreate(values)).toEqual({ 'firstInterview.end': 'La fin doit suivre le début.' })
    values.firstInterview = { ...values.firstInterview, end: '10:45', place: 'video', roomId: SITE }
    expect(validateCreate(values)).toEqual({ 'firstInterview.videoUrl': 'Indiquez le lien de la visioconférence.' })
    values.firstInterview.place = 'site'
    expect(createBody(values, false).firstInterview).toEqual({
      date: '2026-02-23',
      start: '10:00',
      end: '10:45',
      place: 'site',
      roomId: SITE,
      videoUrl: null,
      convocation: null,
    })
    // a convocation by e-mail: the person's consent, sent as the channel
    values.firstInterview.convocation = 'email'
    expect(createBody(values, false).firstInterview?.convocation).toBe('email')
  })

  it('says what is missing, under each field, in French', () => {
    const values: CreateValues = {
      ...emptyIdentity(null),
      programmeId: null,
      firstReception: { date: null, siteId: null, referralSource: null },
      situation: emptyEntrySituation(),
      firstInterview: emptyFirstInterview(),
    }
    expect(validateCreate(values)).toEqual({
      lastName: 'Nom requis.',
      firstName: 'Prénom requis.',
      sex: 'Indiquez le sexe.',
      birthDate: 'Date de naissance requise.',
      siteId: 'Site requis.',
      'firstReception.date': 'Date du premier accueil requise.',
      'firstReception.referralSource': 'Indiquez l’origine de la venue.',
    })
  })

  it('gives the API’s messages for malformed contact details', () => {
    const values = { ...complete(), lastName: '1234', phone: '12', email: 'pas-une-adresse', postcode: '591' }
    expect(validateCreate(values)).toEqual({
      lastName: 'Nom : au moins une lettre.',
      phone: 'Numéro de téléphone invalide.',
      email: 'Adresse e-mail invalide.',
      postcode: 'Code postal : 5 chiffres.',
    })
  })

  it('puts a message about the situation at entry under the form’s field, not the body’s list index', () => {
    const values = complete()
    values.situation.attributes.housing = 'castle'
    values.situation.nomenclature = '1969'
    values.situation.level1969 = 'IX'
    expect(validateCreate(values)).toEqual({
      'situation.attributes.housing': 'Valeur inconnue pour « Logement ».',
      'situation.level1969': 'Valeur inconnue pour « Niveau de formation ».',
    })
  })
})

describe('the identity tab', () => {
  it('sends the version read, and is checked by the update schema', () => {
    const values = { ...complete(), email: 'x@' }
    expect(validateIdentityUpdate(values, 3)).toEqual({ email: 'Adresse e-mail invalide.' })
    expect(validateIdentityUpdate(values, 0)).toMatchObject({ version: 'Version invalide.' })
  })
})

describe('the duplicate check', () => {
  it('asks only once the names and the birth date would be accepted by the API', () => {
    expect(duplicateQuery({ ...complete(), birthDate: null })).toBeNull()
    expect(duplicateQuery({ ...complete(), firstName: '12' })).toBeNull()
    expect(duplicateQuery({ ...complete(), lastName: '  Oyelaran ' })).toEqual({
      lastName: 'Oyelaran',
      firstName: 'Maïwenn',
      birthDate: '2006-05-14',
      phone: null,
      email: null,
    })
    // a number typed in full is looked for too; half typed, it is left out (the names and the date still count)
    expect(duplicateQuery({ ...complete(), phone: '06 12 34 56 78' })).toMatchObject({ phone: '06 12 34 56 78' })
    expect(duplicateQuery({ ...complete(), phone: '06 1x' })).toMatchObject({ lastName: 'Oyelaran', phone: null })
  })
})

describe('identityFromSearch', () => {
  it('carries what the search typed to the creation form', () => {
    expect(identityFromSearch({ q: ' dupont  marie-luce ', birthDate: '2006-05-14', phone: '06 12' })).toEqual({
      lastName: 'Dupont',
      firstName: 'Marie-luce',
      birthDate: '2006-05-14',
      phone: '06 12',
    })
    expect(identityFromSearch({ q: 'Benali' })).toEqual({ lastName: 'Benali' })
    expect(identityFromSearch({})).toEqual({})
  })
})
