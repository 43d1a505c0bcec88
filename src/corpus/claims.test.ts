import { describe, expect, it } from 'vitest'
import type { ClaimMemberRow, ClaimStatus } from '../store/store.js'
import { claimLifecycle, claimSimilarity, propositionTerms } from './claims.js'

let n = 0
function member(
  text: string,
  over: Partial<ClaimMemberRow> & { published: string; origin: string },
): ClaimMemberRow {
  return {
    clusterId: 'c-1',
    articleId: `art-${n++}`,
    index: 0,
    text,
    claimant: null,
    via: [],
    stance: 'asserts',
    verification: null,
    outlet: over.origin,
    similarity: 1,
    terms: propositionTerms(text),
    refs: { entities: [], numbers: [], places: [], dates: [] },
    ...over,
  }
}

const CLAIM = 'Russian forces shelled the market in Kupiansk, killing 12 people'

describe('claims › lifecycle', () => {
  const rows: [string, ClaimMemberRow[], ClaimStatus[]][] = [
    ['one report: claimed', [member(CLAIM, { published: '2025-01-01', origin: 'a' })], ['claimed']],
    [
      'a second independent source: corroborated',
      [
        member(CLAIM, { published: '2025-01-01', origin: 'a' }),
        member(CLAIM, { published: '2025-01-02', origin: 'b' }),
      ],
      ['claimed', 'corroborated'],
    ],
    [
      'a reprint (same origin) adds no corroboration',
      [
        member(CLAIM, { published: '2025-01-01', origin: 'a' }),
        member(CLAIM, { published: '2025-01-02', origin: 'a', outlet: 'copycat' }),
      ],
      ['claimed'],
    ],
    [
      'conflicting figures: disputed',
      [
        member(CLAIM, { published: '2025-01-01', origin: 'a' }),
        member(CLAIM.replace('12', '9'), { published: '2025-01-02', origin: 'b' }),
      ],
      ['claimed', 'disputed'],
    ],
    [
      'denied by the party concerned',
      [
        member(CLAIM, { published: '2025-01-01', origin: 'a' }),
        member('Russian forces denied shelling the market', {
          published: '2025-01-02',
          origin: 'b',
          stance: 'denies',
          claimant: 'Russian Defence Ministry',
        }),
      ],
      ['claimed', 'denied'],
    ],
    [
      "denied by the party concerned under its capital's name",
      [
        member(CLAIM, { published: '2025-01-01', origin: 'a' }),
        member('Moscow denied that its missiles hit the market', {
          published: '2025-01-02',
          origin: 'b',
          stance: 'denies',
          claimant: 'Moscow',
        }),
      ],
      ['claimed', 'denied'],
    ],
    [
      'a counter-claim by a third party: disputed',
      [
        member(CLAIM, { published: '2025-01-01', origin: 'a' }),
        member('Local volunteers denied that the market was shelled', {
          published: '2025-01-02',
          origin: 'b',
          stance: 'denies',
          claimant: 'volunteers',
        }),
      ],
      ['claimed', 'disputed'],
    ],
    [
      'verified by an independent body: confirmed, and a later denial does not undo it',
      [
        member(CLAIM, { published: '2025-01-01', origin: 'a' }),
        member(CLAIM, { published: '2025-01-03', origin: 'un', verification: 'confirmed' }),
        member('Russian officials denied shelling the market', {
          published: '2025-01-04',
          origin: 'c',
          stance: 'denies',
          claimant: 'Russian officials',
        }),
      ],
      ['claimed', 'confirmed'],
    ],
    [
      'retracted by its source',
      [
        member(CLAIM, { published: '2025-01-01', origin: 'a' }),
        member('The outlet retracted its report that the market in Kupiansk was shelled', {
          published: '2025-01-05',
          origin: 'a',
        }),
      ],
      ['claimed', 'retracted'],
    ],
  ]
  it.each(rows)('%s', (_, members, statuses) => {
    const result = claimLifecycle('c-1', members, '2025-02-01')
    expect(result.history.map((h) => h.status)).toEqual(statuses)
    expect(result.status).toBe(statuses[statuses.length - 1])
  })

  it('dates each change with the evidence article, whatever the ingest order', () => {
    const first = member(CLAIM, { published: '2025-01-01', origin: 'a' })
    const second = member(CLAIM.replace('12', '9'), { published: '2025-01-02', origin: 'b' })
    const result = claimLifecycle('c-1', [second, first], '2025-02-01')
    expect(result.history).toEqual([
      expect.objectContaining({
        status: 'claimed',
        date: '2025-01-01',
        articleId: first.articleId,
      }),
      expect.objectContaining({
        status: 'disputed',
        date: '2025-01-02',
        articleId: second.articleId,
      }),
    ])
    expect(result.discrepancies).toEqual([
      expect.objectContaining({ kind: 'count', field: 'killed', claimId: 'c-1' }),
    ])
    expect(result.discrepancies[0]!.values.map((v) => v.value)).toEqual([12, 9])
  })
})

describe('claims › same proposition', () => {
  const same: [string, string][] = [
    [CLAIM, 'Twelve people were killed when Russian shelling hit a market in Kupiansk'],
    [
      'Ukrainian forces have captured two Chinese soldiers fighting on Russia’s side in Donetsk Oblast',
      'Two Chinese citizens fighting for Russia were captured by Ukrainian forces in Donetsk Oblast',
    ],
  ]
  it.each(same)('%s ≈ %s', (a, b) => {
    const sim = claimSimilarity(claimOf(a), claimOf(b))
    expect(sim).toBeGreaterThanOrEqual(0.45)
  })

  const different: [string, string][] = [
    [CLAIM, 'Ukraine struck an oil depot in the Belgorod region with long-range drones'],
    [
      'China strictly controls exports of dual-use items',
      'American military aid to Kyiv has intensified and extended the conflict',
    ],
  ]
  it.each(different)('%s ≠ %s', (a, b) => {
    expect(claimSimilarity(claimOf(a), claimOf(b))).toBeLessThan(0.45)
  })
})

function claimOf(text: string) {
  return {
    terms: propositionTerms(text),
    refs: { entities: [], numbers: [], places: [], dates: [] },
  }
}
