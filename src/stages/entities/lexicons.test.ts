import { describe, expect, it } from 'vitest'
import { ENTITY_TYPES } from '../../core/record.js'
// Lexicon files are data of this stage; the test reads them through the real loader.
import { loadLexicons } from '../../resources/lexicons.js'
import { compileLexicons } from './lexicon.js'

const lexicons = loadLexicons()
const lex = compileLexicons(lexicons)
const types = new Set<string>(ENTITY_TYPES)

describe('entities lexicons › given names', () => {
  it('give one gender per name, f or m, and leave names given to either sex out', () => {
    const rows = lexicons.get('given-names')
    const seen = new Set<string>()
    for (const row of rows) {
      expect(['f', 'm']).toContain(row.gender)
      expect(seen.has(row.name!)).toBe(false)
      seen.add(row.name!)
    }
    for (const either of ['Jordan', 'Sasha', 'Andrea', 'Jean', 'Kim'])
      expect(seen.has(either)).toBe(false)
    expect(lex.givenNames.get('Iryna')).toBe('f')
    expect(lex.givenNames.get('Oleksandr')).toBe('m')
  })
})

describe('entities lexicons › files are well formed', () => {
  it.each([
    ['titles', ['term', 'kind', 'full', 'gender']],
    ['org-heads', ['term', 'type', 'lower', 'nominal']],
    ['outlets', ['name', 'kind', 'aliases', 'ambiguous']],
    ['entity-names', ['name', 'type', 'aliases']],
    ['norp', ['term']],
    ['pronouns', ['term', 'gender', 'number', 'case']],
    ['transliterations', ['from', 'to', 'where']],
    ['not-names', ['term']],
    ['name-prefixes', ['term', 'type']],
    ['given-names', ['name', 'gender']],
  ])('%s has rows with columns %j', (name, columns) => {
    const rows = lexicons.get(name)
    expect(rows.length).toBeGreaterThan(5)
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(columns)
      expect(row[columns[0] as string]).not.toBe('')
    }
  })

  it('uses only known types and kinds', () => {
    for (const row of lexicons.get('org-heads')) expect(types.has(row.type ?? '')).toBe(true)
    for (const row of lexicons.get('entity-names')) expect(types.has(row.type ?? '')).toBe(true)
    for (const row of lexicons.get('name-prefixes')) expect(types.has(row.type ?? '')).toBe(true)
    const kinds = new Set(['office', 'rank', 'honorific', 'descriptor', 'modifier'])
    for (const row of lexicons.get('titles')) expect(kinds.has(row.kind ?? '')).toBe(true)
    const lowers = new Set(['', 'after-name', 'types-name', 'after-country'])
    for (const row of lexicons.get('org-heads')) expect(lowers.has(row.lower ?? '')).toBe(true)
  })
})

describe('entities lexicons › hits and misses', () => {
  it.each([
    ['maj. gen.', 'rank', 'Major General'],
    ['president', 'office', 'President'],
    ['spokeswoman', 'descriptor', 'spokeswoman'],
    ['retired', 'modifier', 'retired'],
  ])('titles: %s is a %s (%s)', (term, kind, full) => {
    expect(lex.titles.get(term)?.kind).toBe(kind)
    expect(lex.titles.get(term)?.full).toBe(full)
  })
  it('titles: gender where the word says it, none where it does not', () => {
    expect(lex.titles.get('spokeswoman')?.gender).toBe('f')
    expect(lex.titles.get('mr.')?.gender).toBe('m')
    expect(lex.titles.get('senator')?.gender).toBeNull()
    expect(lex.titles.get('village')).toBeUndefined()
  })

  it.each([
    ['ministry', 'ORG', 'after-country'],
    ['brigade', 'ORG', ''],
    ['region', 'GPE', 'after-name'],
    ['camp', 'FAC', 'after-name'],
    ['conference', 'EVENT', 'after-name'],
    ['river', 'LOC', ''],
  ])('org-heads: %s → %s (%s)', (term, type, lower) => {
    expect(lex.heads.get(term)?.type).toBe(type)
    expect(lex.heads.get(term)?.lower).toBe(lower)
  })
  it('org-heads: "service" joins no lower-case phrase ("Russian service" is not an ORG)', () => {
    expect(lex.heads.get('service')?.lower).toBe('')
    expect(lex.heads.get('soldiers')).toBeUndefined()
  })

  it('outlets: agencies and platforms are ORG; one-letter names need a channel word', () => {
    expect(lex.named.get('UNIAN')?.type).toBe('ORG')
    expect(lex.named.get('Reuters')?.kind).toBe('agency')
    expect(lex.named.get('Telegram')?.kind).toBe('platform')
    expect(lex.named.get('X')?.ambiguous).toBe(true)
    expect(lex.named.get('Reuters')?.ambiguous).toBe(false)
    expect(lex.named.get('Ukraine')).toBeUndefined()
  })

  it('entity-names: institutions, regions and seas by name', () => {
    expect(lex.named.get('Kremlin')?.type).toBe('ORG')
    expect(lex.named.get('NATO')?.aliases).toContain('North Atlantic Treaty Organization')
    expect(lex.named.get('Europe')?.type).toBe('LOC')
    expect(lex.named.get('Black Sea')?.type).toBe('LOC')
    expect(lex.named.get('Washington')).toBeUndefined()
  })

  it('norp: groups that are not country demonyms; countries are not NORP', () => {
    for (const term of ['Soviet', 'Western', 'European', 'Palestinians', 'Kurds']) {
      expect(lex.norp.has(term)).toBe(true)
    }
    for (const term of ['Russia', 'Europe', 'western']) expect(lex.norp.has(term)).toBe(false)
  })

  it('pronouns: third person with gender and number; first person is not resolved', () => {
    expect(lex.pronouns.get('he')).toEqual({ gender: 'm', number: 'sg' })
    expect(lex.pronouns.get('she')?.gender).toBe('f')
    expect(lex.pronouns.get('they')?.number).toBe('pl')
    expect(lex.pronouns.get('we')).toBeUndefined()
    expect(lex.pronouns.get('I')).toBeUndefined()
  })

  it('transliterations: whole words and name endings', () => {
    expect(lex.translit.words.get('kiev')).toBe('kyiv')
    expect(lex.translit.words.get('zaporozhye')).toBe('zaporizhzhia')
    expect(lex.translit.endings).toContainEqual(['yy', 'y'])
    expect(lex.translit.words.get('kyiv')).toBeUndefined()
  })

  it('not-names: months and weekdays, never places or people', () => {
    for (const term of ['April', 'Sept.', 'Monday']) expect(lex.notNames.has(term)).toBe(true)
    for (const term of ['Kyiv', 'Georgia', 'May Day']) expect(lex.notNames.has(term)).toBe(false)
  })

  it('name-prefixes: first words that type a name', () => {
    expect(lex.prefixes.get('Port')).toBe('GPE')
    expect(lex.prefixes.get('Mount')).toBe('LOC')
    expect(lex.prefixes.get('Saudi')).toBeUndefined()
  })

  it('abbreviations are collected from the titles and not-names lexicons', () => {
    expect(lex.abbreviations.has('Maj.')).toBe(true)
    expect(lex.abbreviations.has('Sept.')).toBe(true)
    expect(lex.abbreviations.has('Ukraine.')).toBe(false)
  })
})
