import { describe, expect, it } from 'vitest'
import { buildCountries, loadCountries } from './countries.js'

const countries = loadCountries()

describe('countries › names', () => {
  it.each([
    ['Ukraine', 'UA'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['Britain', 'GB'],
    ['US', 'US'],
    ['U.S.', 'US'],
    ['United States of America', 'US'],
    ['North Korea', 'KP'],
    ['DPRK', 'KP'],
    ['Russian Federation', 'RU'],
    ['UKRAINE', 'UA'],
    ['Côte d’Ivoire', 'CI'],
    // News writes "Congo" for the Democratic Republic, "Republic of Congo" for its neighbour.
    ['Congo', 'CD'],
    ['Democratic Republic of Congo', 'CD'],
    ['Republic of Congo', 'CG'],
    ['Congo-Brazzaville', 'CG'],
  ])('%s → %s', (name, code) => {
    expect(countries.byName(name)?.cca2).toBe(code)
  })
  it.each(['us', 'china', 'UA', 'IN', 'Donetsk', 'Europe', 'Island', 'Mann', 'Saudi'])(
    '%s is no country name',
    (name) => {
      expect(countries.byName(name)).toBeUndefined()
    },
  )
})

describe('countries › demonyms and capitals', () => {
  it.each([
    ['Chinese', 'CN'],
    ['North Koreans', 'KP'],
    ['Russian', 'RU'],
    ['Russians', 'RU'],
    ['American', 'US'],
    ['Americans', 'US'],
    ['British', 'GB'],
    ['Nepalese', 'NP'],
    ['Israeli', 'IL'],
  ])('demonym %s → %s', (word, code) => {
    expect(countries.byDemonym(word)?.cca2).toBe(code)
  })
  it.each(['Russia', 'Chineses', 'Soviet', 'russian'])('%s is no demonym', (word) => {
    expect(countries.byDemonym(word)).toBeUndefined()
  })
  it.each([
    ['Kyiv', 'UA'],
    ['Kiev', 'UA'],
    ['Washington', 'US'],
    ['Beijing', 'CN'],
    ['Tbilisi', 'GE'],
  ])('capital %s → %s', (name, code) => {
    expect(countries.byCapital(name)?.cca2).toBe(code)
  })
  it('looks up codes and keeps the record plain', () => {
    expect(countries.byCode('ua')?.name).toBe('Ukraine')
    expect(countries.byCode('UKR')?.cca2).toBe('UA')
    const ukraine = countries.byCode('UA')
    expect(JSON.parse(JSON.stringify(ukraine))).toEqual(ukraine)
  })
  it('builds from any rows in the world-countries shape', () => {
    const tiny = buildCountries([
      {
        name: { common: 'Ruritania', official: 'Kingdom of Ruritania' },
        cca2: 'RR',
        cca3: 'RUR',
        capital: ['Strelsau'],
        altSpellings: ['RR', 'Ruritanie', 'Ruritanian Kingdom'],
        demonyms: { eng: { f: 'Ruritanian', m: 'Ruritanian' } },
      },
    ])
    expect(tiny.byName('Ruritanian Kingdom')?.cca2).toBe('RR')
    // One-word alternative spellings and the bare code are not names in English text.
    expect(tiny.byName('Ruritanie')).toBeUndefined()
    expect(tiny.byName('RR')).toBeUndefined()
    expect(tiny.byDemonym('Ruritanians')?.cca2).toBe('RR')
    expect(tiny.byCapital('Strelsau')?.cca2).toBe('RR')
  })
})
