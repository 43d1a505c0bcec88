import { describe, expect, it } from 'vitest'
import { makeDoc } from './fixtures.js'
import { articleOrigin, claimOrigin, datelineAgency, originKey } from './sources.js'

describe('sources › origins', () => {
  it('normalises source names', () => {
    expect(originKey('The Kyiv Independent')).toBe('kyiv independent')
    expect(originKey('Ukraïnska  Pravda')).toBe('ukrainska pravda')
  })

  const origins: [string, Parameters<typeof makeDoc>[0], string?][] = [
    [
      'the outlet by default',
      { id: 'x', outlet: 'Frontline Bulletin', text: 'Troops advanced near Kotlyne.' },
    ],
    [
      'the agency the lead relays',
      {
        id: 'x',
        outlet: 'Euromaidan Press',
        text: 'Zelenskyy says Ukraine captured two Chinese soldiers.',
        claims: [{ text: 'Ukraine captured two Chinese soldiers', via: ['UNIAN'] }],
      },
      'unian',
    ],
    [
      'a platform is not a source',
      {
        id: 'x',
        outlet: 'Horn Report',
        text: 'The division said nineteen civilians were killed.',
        claims: [{ text: 'nineteen civilians were killed', via: ['Facebook'] }],
      },
      'horn report',
    ],
    [
      'a wire dateline',
      { id: 'x', outlet: 'Daily Post', text: 'KYIV, June 2 (Reuters) - A drone hit a ferry.' },
      'reuters',
    ],
    [
      '"citing" a known agency',
      {
        id: 'x',
        outlet: 'Daily Post',
        text: 'A drone hit a ferry in Kherson, Ukrinform reported citing officials. Daily Post, citing Ukrinform, said four died.',
      },
      'ukrinform',
    ],
    [
      'the article id when nothing else is known',
      { id: 'x', text: 'A drone hit a ferry.' },
      'article:x',
    ],
  ]
  it.each(origins)('%s', (_, spec, expected) => {
    expect(articleOrigin(makeDoc(spec), { articleId: 'x' })).toBe(expected ?? 'frontline bulletin')
  })

  it('a reprint counts as its original', () => {
    expect(
      articleOrigin(makeDoc({ id: 'x', outlet: 'Copy', text: 'x' }), {
        articleId: 'x',
        copyOrigin: 'reuters',
      }),
    ).toBe('reuters')
  })

  it('a claim counts as its first relay, else as its article', () => {
    const doc = makeDoc({
      id: 'x',
      outlet: 'Paper',
      text: 'He said it via TASS.',
      claims: [{ text: 'He said it', via: ['TASS', 'Paper'] }, { text: 'said it' }],
    })
    const [relayed, own] = doc.layers.claims!
    expect(claimOrigin(relayed!, 'paper', 'Paper')).toBe('tass')
    expect(claimOrigin(own!, 'paper', 'Paper')).toBe('paper')
  })

  it('finds dateline agencies and ignores other parentheses', () => {
    expect(datelineAgency('Title line\n\nOct 15 (Eastern Europe Monitor) — The toll rose')).toBe(
      'Eastern Europe Monitor',
    )
    expect(datelineAgency('The army (SAF) said on Monday - that is all')).toBeNull()
  })
})
