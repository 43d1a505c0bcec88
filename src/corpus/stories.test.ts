import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GoldDoc } from '../core/gold.js'
import type { EventRecord } from '../store/store.js'
import { goldToDoc, makeDoc, type EventSpec } from './fixtures.js'
import { clusterEvents, compareEvents, featuresOf } from './stories.js'
import { contentTerms } from './text.js'

const ZAP = { name: 'Zaporizhzhia', lat: 47.84, lon: 35.14 }
const MALYNIVKA = { name: 'Malynivka', lat: 47.43, lon: 36.23 }
const BASE: EventSpec = {
  type: 'ASSAULT',
  text: 'Russian missiles struck an apartment block in Zaporizhzhia',
  place: ZAP,
  date: '2025-10-14',
  actors: ['Russian forces'],
  mode: 'heavy-weapons',
}

function features(spec: Partial<EventSpec> & { article?: string }) {
  const merged = { ...BASE, ...spec }
  const record: EventRecord = {
    id: `${spec.article ?? 'other'}:0`,
    articleId: spec.article ?? 'other',
    index: 0,
    type: merged.type,
    mode: merged.mode ?? null,
    acled: null,
    date: merged.date ?? null,
    datePrecision: merged.date ? (merged.precision ?? 'day') : null,
    place: merged.place ? { ...merged.place, country: null } : null,
    actors: merged.actors ?? [],
    counts: merged.counts ?? {},
    status: 'happened',
    claimedBy: null,
    text: merged.text,
    storyId: null,
    outlet: null,
    published: merged.date ?? '2025-10-15',
  }
  return featuresOf(record, contentTerms(record.text))
}

const base = features({ article: 'base' })

describe('stories › which events are one event', () => {
  const link: [string, Partial<EventSpec>][] = [
    [
      'a paraphrase the next day',
      { text: 'The toll from the Russian missile strike on Zaporizhzhia rose', date: '2025-10-15' },
    ],
    ['no mode given', { mode: null, text: 'Missiles hit a residential building in Zaporizhzhia' }],
    ['a place 10 km away', { place: { name: 'suburb', lat: 47.9, lon: 35.24 } }],
    ['no place but same words and actors', { place: null }],
  ]
  it.each(link)('links: %s', (_, spec) => {
    const result = compareEvents(base, features(spec))
    expect(result).not.toBeNull()
    expect(result!.score).toBeGreaterThanOrEqual(0.55)
  })

  const apart: [string, Partial<EventSpec> & { article?: string }][] = [
    ['another type', { type: 'PROTEST' }],
    ['two days earlier, day precision', { date: '2025-10-12' }],
    ['a town 90 km away', { place: MALYNIVKA }],
    ['the same article', { article: 'base' }],
  ]
  it.each(apart)('never links: %s', (_, spec) => {
    expect(compareEvents(base, features(spec))).toBeNull()
  })

  const weak: [string, Partial<EventSpec>][] = [
    [
      'a glide bomb on an industrial area last week',
      {
        date: '2025-10-08',
        precision: 'week',
        mode: 'aerial',
        text: 'A guided aerial bomb hit an industrial area on the outskirts, killing two workers',
      },
    ],
    [
      'drones on energy sites, other words, no shared actors',
      {
        date: '2025-10-14',
        mode: 'drone',
        actors: ['unknown'],
        place: null,
        text: 'Drones hit energy facilities',
      },
    ],
  ]
  it.each(weak)('does not link: %s', (_, spec) => {
    const result = compareEvents(base, features(spec))
    expect(result === null || result.score < 0.55).toBe(true)
  })
})

describe('stories › clusterEvents', () => {
  it('gives reports of one event one key, and other events their own', () => {
    const docs = [
      makeDoc({
        id: 'a',
        published: '2025-10-14',
        text: BASE.text + '. Drones hit Kharkiv.',
        events: [
          BASE,
          {
            ...BASE,
            text: 'Drones hit Kharkiv',
            place: { name: 'Kharkiv', lat: 49.99, lon: 36.23 },
            mode: 'drone',
          },
        ],
      }),
      makeDoc({
        id: 'b',
        published: '2025-10-15',
        text: 'Missiles struck an apartment block in Zaporizhzhia, killing six.',
        events: [{ ...BASE, text: 'Missiles struck an apartment block in Zaporizhzhia' }],
      }),
    ]
    clusterEvents(docs)
    const [a0, a1] = docs[0]!.layers.events!
    const [b0] = docs[1]!.layers.events!
    expect(b0!.key).toBe(a0!.key)
    expect(a1!.key).not.toBe(a0!.key)
    // Stable: the same input gives the same keys.
    const again = docs.map((d) => structuredClone(d))
    clusterEvents(again)
    expect(again.map((d) => d.layers.events!.map((e) => e.key))).toEqual(
      docs.map((d) => d.layers.events!.map((e) => e.key)),
    )
  })

  const dev = join(process.cwd(), '..', 'shared', 'gold', 'dev')
  it.skipIf(!existsSync(dev))('reaches story BCubed F1 >= 0.90 on the gold dev events', () => {
    const golds = readdirSync(dev)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dev, f), 'utf8')) as GoldDoc)
    const docs = golds.map(goldToDoc)
    clusterEvents(docs)
    const items = golds.flatMap((g, i) =>
      (g.events ?? []).map((e, j) => ({ gold: e.key!, sys: docs[i]!.layers.events![j]!.key! })),
    )
    let precision = 0
    let recall = 0
    for (const item of items) {
      const sys = items.filter((o) => o.sys === item.sys)
      const gold = items.filter((o) => o.gold === item.gold)
      const both = sys.filter((o) => o.gold === item.gold).length
      precision += both / sys.length
      recall += both / gold.length
    }
    precision /= items.length
    recall /= items.length
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.9)
  })
})
