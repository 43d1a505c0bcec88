import { describe, expect, it } from 'vitest'
import { loadLexicons } from '../../resources/lexicons.js'
import { compileCues } from './cues.js'

const rows = loadLexicons().get('places-cues')
const cues = compileCues(rows)

describe('places-cues lexicon', () => {
  const roles = new Set([
    'locative',
    'near',
    'motion',
    'says',
    'acts-on',
    'political',
    'territory',
    'region',
    'district',
    'settlement',
    'front',
    'embedded',
    'not-place',
    'title',
    'common',
    'office',
  ])
  it('has only known roles and lower-case terms', () => {
    for (const row of rows) {
      expect(roles.has(row.role ?? ''), `${row.term}: ${row.role}`).toBe(true)
      expect(row.term).toBe(row.term?.toLowerCase())
    }
  })
  const has: [keyof typeof cues, string][] = [
    ['locative', 'in'],
    ['near', 'near'],
    ['near', 'north of'],
    ['says', 'denied'],
    ['actsOn', 'urged'],
    ['actsOn', 'contact'],
    ['political', 'aid'],
    ['territory', 'border'],
    ['settlement', 'village'],
    ['settlement', 'township'],
    ['region', 'oblast'],
    ['district', 'raion'],
    ['front', 'front'],
    ['embedded', 'administration'],
    ['embedded', 'conference'],
    ['title', 'mla'],
    ['common', 'police'],
    ['common', 'most'],
    ['office', 'premier'],
    ['office', 'gov'],
  ]
  it.each(has)('%s holds %j', (role, term) => {
    expect(cues[role].has(term)).toBe(true)
  })
  const hasNot: [keyof typeof cues, string][] = [
    ['locative', 'to'],
    ['region', 'front'],
    ['embedded', 'oblast'],
    ['territory', 'government'],
    ['common', 'kyiv'],
    ['common', 'bakhmut'],
    ['office', 'mayor'],
  ]
  it.each(hasNot)('%s does not hold %j', (role, term) => {
    expect(cues[role].has(term)).toBe(false)
  })
})
