import type { EntityType } from '../../core/record.js'
import type { Lexicons } from '../../core/resources.js'
import { StartFilter } from './starts.js'
import type {
  Compiled,
  HeadEntry,
  HeadLower,
  NamedEntry,
  PronounEntry,
  TitleEntry,
  TitleKind,
} from './types.js'

const ENTITY_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT'])

function asType(value: string | undefined, lexicon: string, term: string): EntityType {
  if (value && ENTITY_TYPES.has(value)) return value as EntityType
  throw new Error(`lexicon ${lexicon}: "${term}" has unknown type "${value}"`)
}

function words(term: string): number {
  return term.split(' ').length
}

/** Compile the entities lexicons into lookups. Pure apart from reading `lexicons`. */
export function compileLexicons(lexicons: Lexicons): Compiled {
  const titles = new Map<string, TitleEntry>()
  let titleMaxWords = 1
  for (const row of lexicons.get('titles')) {
    const term = row.term ?? ''
    if (!term) continue
    const key = term.toLowerCase()
    // The first row wins: "deputy" is a descriptor before it is a modifier.
    if (titles.has(key)) continue
    titles.set(key, {
      kind: (row.kind ?? 'descriptor') as TitleKind,
      full: row.full || term,
      gender: row.gender === 'm' || row.gender === 'f' ? row.gender : null,
    })
    titleMaxWords = Math.max(titleMaxWords, words(term))
  }

  const heads = new Map<string, HeadEntry>()
  for (const row of lexicons.get('org-heads')) {
    const term = row.term ?? ''
    if (!term) continue
    heads.set(term.toLowerCase(), {
      type: asType(row.type, 'org-heads', term),
      lower: (row.lower ?? '') as HeadLower,
      nominal: row.nominal === 'yes',
    })
  }

  const prefixes = new Map<string, EntityType>()
  for (const row of lexicons.get('name-prefixes')) {
    if (row.term) prefixes.set(row.term, asType(row.type, 'name-prefixes', row.term))
  }

  const named = new Map<string, NamedEntry>()
  let namedMaxWords = 1
  const addNamed = (name: string, entry: NamedEntry) => {
    if (!name || named.has(name)) return
    named.set(name, entry)
    namedMaxWords = Math.max(namedMaxWords, words(name))
  }
  for (const row of lexicons.get('outlets')) {
    addNamed(row.name ?? '', {
      type: 'ORG',
      aliases: splitAliases(row.aliases),
      kind: row.kind ?? 'outlet',
      ambiguous: row.ambiguous === 'yes',
    })
  }
  for (const row of lexicons.get('entity-names')) {
    addNamed(row.name ?? '', {
      type: asType(row.type, 'entity-names', row.name ?? ''),
      aliases: splitAliases(row.aliases),
      kind: '',
      ambiguous: false,
    })
  }

  const norp = new Set(lexicons.get('norp').map((row) => row.term ?? ''))
  norp.delete('')

  const pronouns = new Map<string, PronounEntry>()
  for (const row of lexicons.get('pronouns')) {
    if (!row.term) continue
    pronouns.set(row.term, {
      gender: row.gender === 'm' || row.gender === 'f' ? row.gender : 'n',
      number: row.number === 'pl' ? 'pl' : 'sg',
    })
  }

  // Given names that say a person's gender (given-names.tsv), for "he"/"she" resolution.
  const givenNames = new Map<string, 'm' | 'f'>()
  for (const row of lexicons.get('given-names')) {
    if (row.name && (row.gender === 'm' || row.gender === 'f')) givenNames.set(row.name, row.gender)
  }

  const notNames = new Set(lexicons.get('not-names').map((row) => row.term ?? ''))
  notNames.delete('')

  const translitWords = new Map<string, string>()
  const endings: [string, string][] = []
  for (const row of lexicons.get('transliterations')) {
    if (!row.from) continue
    if (row.where === 'word') translitWords.set(row.from, row.to ?? '')
    else endings.push([row.from, row.to ?? ''])
  }
  // Longest ending first, so "iia" folds before "ia" would.
  endings.sort((a, b) => b[0].length - a[0].length)

  const abbreviations = new Set<string>()
  for (const term of [...titles.keys(), ...notNames]) {
    for (const word of term.split(' ')) if (word.endsWith('.')) abbreviations.add(word)
  }
  for (const row of lexicons.get('titles')) {
    for (const word of (row.term ?? '').split(' ')) if (word.endsWith('.')) abbreviations.add(word)
  }

  return {
    titlePrefixes: prefixesOf(titles.keys()),
    titleStarts: new StartFilter(titles.keys(), true),
    headStarts: new StartFilter(heads.keys(), true),
    namedPrefixes: prefixesOf([...named.keys(), ...norp]),
    namedStarts: new StartFilter([...named.keys(), ...norp], false),
    speechVerbs: speechVerbForms(lexicons),
    abbreviations,
    titles,
    titleMaxWords,
    heads,
    prefixes,
    named,
    namedMaxWords,
    norp,
    pronouns,
    givenNames,
    notNames,
    translit: { words: translitWords, endings },
  }
}

/** Every non-empty prefix of the terms ("maj", "maj.", "maj. g", …). */
export function prefixesOf(terms: Iterable<string>): Set<string> {
  const prefixes = new Set<string>()
  for (const term of terms) for (let n = 1; n <= term.length; n++) prefixes.add(term.slice(0, n))
  return prefixes
}

function splitAliases(value: string | undefined): string[] {
  return (value ?? '')
    .split('|')
    .map((a) => a.trim())
    .filter((a) => a !== '')
}

/**
 * Forms of the reporting verbs of the quotes stage's lexicon: "X said" makes an
 * unknown single name a speaker. The lexicon is shared data; without it the
 * rule is simply off.
 */
function speechVerbForms(lexicons: Lexicons): Set<string> {
  const forms = new Set<string>()
  let rows: readonly Record<string, string>[] = []
  try {
    rows = lexicons.get('speech-verbs')
  } catch {
    return forms
  }
  for (const row of rows) {
    const cue = row.cue ?? ''
    if (!cue || cue.includes(' ')) continue
    const listed = (row.forms ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
    if (listed.length > 0) for (const f of listed) forms.add(f)
    else {
      const stem = cue.endsWith('e') ? cue.slice(0, -1) : cue
      forms.add(`${cue}s`).add(`${stem}ed`).add(`${stem}ing`)
    }
  }
  return forms
}
