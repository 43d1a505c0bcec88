import { describe, expect, it } from 'vitest'
import type { GoldDoc, GoldEvent, GoldLayer } from '../core/gold.js'
import { aggregate, scoreStories } from './aggregate.js'
import { greedyMatch } from './match.js'
import { scoreDoc } from './score.js'
import { dayNumber, haversineKm, namesMatch, normalizeForMatch, tokenF1 } from './text.js'

/** A gold-format doc; `layers` of a prediction says which layers a stage computed. */
function doc(parts: Partial<GoldDoc> = {}): GoldDoc {
  return {
    id: 'd1',
    source: { outlet: 'Test Wire', published: '2025-04-08', url: null, language: 'en' },
    text: 'irrelevant: the scorer compares annotations, not the text',
    ...parts,
  }
}

const pred = (layers: GoldLayer[], parts: Partial<GoldDoc> = {}) => doc({ layers, ...parts })

const zelenskyy = {
  name: 'Volodymyr Zelenskyy',
  type: 'PERSON' as const,
  aliases: ['Zelenskyy', 'Zelensky'],
}

const fullGold = doc({
  entities: [zelenskyy, { name: 'Ukraine', type: 'GPE', aliases: [] }],
  places: [
    { mention: 'Kyiv', name: 'Kyiv', lat: 50.45, lon: 30.52, use: 'location', tolerance_km: 25 },
    { mention: 'Beijing', name: 'Beijing', lat: 39.9, lon: 116.4, use: 'metonym' },
  ],
  quotes: [
    {
      speaker: 'Volodymyr Zelenskyy',
      kind: 'direct',
      text: 'We are working to verify all the facts',
    },
  ],
  claims: [
    {
      claimant: 'Volodymyr Zelenskyy',
      via: [],
      text: 'Ukrainian forces captured two Chinese soldiers in Donetsk Oblast',
      stance: 'asserts',
    },
  ],
  events: [
    {
      type: 'ASSAULT',
      mode: 'abduct',
      actors: ['Ukrainian forces', 'Chinese soldiers'],
      place: 'Kyiv',
      date: '2025-04-08',
      date_precision: 'day',
      counts: { captured: 2 },
      key: 'story-1',
    },
  ],
})

describe('normalisation and primitives', () => {
  it.each([
    ['“Zelenskyy’s”', `zelenskyy's`],
    ['  Iskander—M  missiles. ', 'iskander-m missiles'],
    ['ＫＹＩＶ', 'kyiv'],
    ['"Kyiv,"', 'kyiv'],
    ['Kyiv\n  region', 'kyiv region'],
  ])('normalises %j to %j', (raw, normal) => {
    expect(normalizeForMatch(raw)).toBe(normal)
  })

  it('computes bag-of-words token-overlap F1', () => {
    expect(tokenF1('a b c d', 'a b c d')).toBe(1)
    expect(tokenF1('a b c d', 'a b')).toBeCloseTo((2 * 2) / 6)
    expect(tokenF1('a a b', 'a b b')).toBeCloseTo((2 * 2) / 6)
    expect(tokenF1('', 'a')).toBe(0)
    expect(tokenF1('“We’re here,”', "we're here")).toBe(1)
  })

  it('measures great-circle distances', () => {
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(111.195, 2)
    expect(haversineKm(50, 30, 50, 30)).toBe(0)
  })

  it('reads ISO dates, months, years and weeks as day numbers', () => {
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('2025-04-08T10:00:00Z')).toBe(dayNumber('2025-04-08'))
    expect(dayNumber('2025-04')).toBe(dayNumber('2025-04-01'))
    expect(dayNumber('2025')).toBe(dayNumber('2025-01-01'))
    expect(dayNumber('2025-W15')).toBe(dayNumber('2025-04-07'))
    expect(dayNumber('last week')).toBeNull()
  })
})

describe('name matching', () => {
  const gold = [zelenskyy]
  it.each([
    ['Volodymyr Zelenskyy', 'Volodymyr Zelenskyy', true],
    ['Zelenskyy', 'Volodymyr Zelenskyy', true],
    ['ZELENSKY', 'Volodymyr Zelenskyy', true],
    ['Zelenskyy', 'Zelensky', true],
    ['Olena Zelenska', 'Volodymyr Zelenskyy', false],
    ['Zelenskyy', 'Andrii Sybiha', false],
    [null, null, true],
    [null, 'Volodymyr Zelenskyy', false],
  ] as const)('%j vs gold %j → %s', (p, g, expected) => {
    expect(namesMatch(p, g, [], gold)).toBe(expected)
  })

  it('needs the alias from an entity list: no entity, no alias', () => {
    expect(namesMatch('Zelenskyy', 'Volodymyr Zelenskyy', [], [])).toBe(false)
  })

  it("uses the prediction's own aliases the other way round", () => {
    const predEntities = [
      { name: 'Volodymyr Zelensky', type: 'PERSON' as const, aliases: ['Zelenskyy'] },
    ]
    expect(namesMatch('Volodymyr Zelensky', 'Zelenskyy', predEntities, [])).toBe(true)
  })
})

describe('greedy one-to-one matching', () => {
  it('takes the best score first and uses each item once', () => {
    // pred 0 fits gold 0 (0.7) and gold 1 (0.9); pred 1 fits gold 1 only (0.8).
    const scores: Record<string, number> = { '0-0': 0.7, '0-1': 0.9, '1-1': 0.8 }
    const m = greedyMatch([0, 1], [0, 1], (p, g) => scores[`${p}-${g}`] ?? null)
    expect(m.pairs.map((p) => [p.pred, p.gold])).toEqual([[0, 1]])
    expect(m.goldToPred.has(0)).toBe(false)
  })

  it('is greedy, not optimal, in quotes too: the best pair wins even if two could match', () => {
    const gold = doc({
      layers: ['quotes'],
      quotes: [
        { speaker: 'A', kind: 'indirect', text: 'one two three four five' },
        { speaker: 'A', kind: 'indirect', text: 'one two three four five six seven eight' },
      ],
    })
    const p = pred(['quotes'], {
      quotes: [{ speaker: 'A', kind: 'indirect', text: 'one two three four five six seven' }],
    })
    const s = scoreDoc(gold, p).counts.quotes
    // F1 with the second gold (7 of 7 vs 8 words) = 14/15 beats the first (5 of 7 vs 5) = 10/12.
    expect(s.span).toEqual({ tp: 1, pred: 1, gold: 2 })
    expect(s.attribution).toEqual({ hit: 1, total: 1 })
  })
})

describe('scoreDoc', () => {
  it('scores a perfect prediction 1.0 everywhere', () => {
    const f = aggregate([scoreDoc(fullGold, { ...fullGold, layers: undefined })])
    expect(f.entities?.micro.f1).toBe(1)
    expect(f.quotes?.span.f1).toBe(1)
    expect(f.quotes?.attribution.value).toBe(1)
    expect(f.quotes?.endToEnd.f1).toBe(1)
    expect(f.claims?.match.f1).toBe(1)
    expect(f.claims?.stance.value).toBe(1)
    expect(f.places?.match.f1).toBe(1)
    expect(f.places?.withinTolerance.value).toBe(1)
    expect(f.places?.medianErrorKm).toBe(0)
    expect(f.places?.metonym.value).toBe(1)
    expect(f.events?.match.f1).toBe(1)
    expect(f.events?.mode.value).toBe(1)
    expect(f.events?.actors.value).toBe(1)
    expect(f.events?.counts.value).toBe(1)
  })

  it('scores layers no stage computed as empty predictions, even if the doc has items', () => {
    const p = { ...fullGold, layers: [] as GoldLayer[] }
    const f = aggregate([scoreDoc(fullGold, p)])
    for (const prf of [f.entities!.micro, f.quotes!.span, f.claims!.match, f.places!.match]) {
      expect(prf).toMatchObject({ precision: 0, recall: 0, f1: 0, tp: 0, pred: 0 })
    }
    expect(f.events?.match.recall).toBe(0)
    expect(f.quotes?.attribution.value).toBeNull()
  })

  it('one wrong speaker of two: spans perfect, attribution and end-to-end one half', () => {
    const gold = doc({
      entities: [zelenskyy, { name: 'Andrii Sybiha', type: 'PERSON', aliases: ['Sybiha'] }],
      layers: ['quotes'],
      quotes: [
        {
          speaker: 'Volodymyr Zelenskyy',
          kind: 'direct',
          text: 'We are working to verify the facts',
        },
        { speaker: 'Andrii Sybiha', kind: 'indirect', text: 'Beijing must explain its position' },
      ],
    })
    const p = pred(['quotes', 'entities'], {
      entities: [{ name: 'Zelenskyy', type: 'PERSON', aliases: [] }],
      quotes: [
        { speaker: 'Zelenskyy', kind: 'direct', text: 'We are working to verify the facts' },
        { speaker: 'Zelenskyy', kind: 'indirect', text: 'Beijing must explain its position' },
      ],
    })
    const s = scoreDoc(gold, p)
    expect(s.counts.quotes.span).toEqual({ tp: 2, pred: 2, gold: 2 })
    expect(s.counts.quotes.attribution).toEqual({ hit: 1, total: 2 })
    expect(s.counts.quotes.endToEnd).toEqual({ tp: 1, pred: 2, gold: 2 })
    // Sybiha is a gold entity missing from the predicted entities: an entity error caused it.
    expect(s.counts.quotes.entityCaused).toEqual({ hit: 1, total: 1 })
    // A descriptive gold speaker is no entity: a wrong speaker there is not an entity error.
    const described = { ...gold, entities: [zelenskyy] }
    expect(scoreDoc(described, p).counts.quotes.entityCaused).toEqual({ hit: 0, total: 1 })
    expect(s.errors.filter((e) => e.kind === 'wrong')).toHaveLength(1)
    // Only the layers the gold doc annotates are scored.
    expect(s.layers).toEqual(['quotes'])
  })

  it('matches quotes under 0.6 overlap never, at 0.6 always', () => {
    const gold = doc({
      layers: ['quotes'],
      quotes: [{ speaker: 'A', kind: 'direct', text: 'a b c d e' }],
    })
    const at = (text: string) =>
      scoreDoc(gold, pred(['quotes'], { quotes: [{ speaker: 'A', kind: 'direct', text }] })).counts
        .quotes.span.tp
    expect(at('a b c x y z w')).toBe(0) // 2*3/12 = 0.5
    expect(at('a b c')).toBe(1) // 2*3/8 = 0.75
    expect(at('a b c x y')).toBe(1) // 2*3/10 = 0.6
  })

  it('matches quotes with a null gold speaker on speaker_mention', () => {
    const gold = doc({
      layers: ['quotes'],
      quotes: [
        { speaker: null, speaker_mention: 'he', kind: 'indirect', text: 'the plan is working' },
        { speaker: null, speaker_mention: 'Trump', kind: 'indirect', text: 'taxes will fall' },
        { speaker: null, speaker_mention: null, kind: 'indirect', text: 'the vote was delayed' },
      ],
    })
    const p = pred(['quotes', 'entities'], {
      entities: [{ name: 'Donald Trump', type: 'PERSON', aliases: ['Trump'] }],
      quotes: [
        {
          speaker: 'Donald Trump',
          speaker_mention: 'he',
          kind: 'indirect',
          text: 'the plan is working',
        },
        {
          speaker: 'Donald Trump',
          speaker_mention: 'Mr. Trump',
          kind: 'indirect',
          text: 'taxes will fall',
        },
        {
          speaker: 'Donald Trump',
          speaker_mention: 'he',
          kind: 'indirect',
          text: 'the vote was delayed',
        },
      ],
    })
    // 1: same mention; 2: the mention is an alias of the predicted speaker; 3: gold has no source.
    expect(scoreDoc(gold, p).counts.quotes.attribution).toEqual({ hit: 2, total: 3 })
  })

  it('needs both text overlap ≥ 0.5 and the claimant for a claim; then checks stance', () => {
    const gold = doc({
      entities: [zelenskyy],
      layers: ['claims'],
      claims: [
        {
          claimant: 'Volodymyr Zelenskyy',
          text: 'two Chinese soldiers were captured',
          stance: 'asserts',
        },
        { claimant: 'China', text: 'no Chinese troops fight in Ukraine', stance: 'denies' },
      ],
    })
    const p = pred(['claims'], {
      claims: [
        {
          claimant: 'Zelensky',
          text: 'two Chinese soldiers were captured in Donetsk',
          stance: 'hedges',
        },
        { claimant: 'Russia', text: 'no Chinese troops fight in Ukraine', stance: 'denies' },
      ],
    })
    const s = scoreDoc(gold, p).counts.claims
    expect(s.match).toEqual({ tp: 1, pred: 2, gold: 2 })
    expect(s.stance).toEqual({ hit: 0, total: 1 })
  })

  it('a place 30 km off: outside 25 km tolerance, within 161 km, median error 30', () => {
    const gold = doc({
      layers: ['places'],
      places: [{ mention: 'Tarasivka', name: 'Tarasivka', lat: 48, lon: 37, use: 'location' }],
    })
    const north30 = 48 + 30 / 111.195
    const p = pred(['places'], {
      places: [{ mention: 'Tarasivka', name: 'Tarasivka', lat: north30, lon: 37, use: 'location' }],
    })
    const f = aggregate([scoreDoc(gold, p)]).places!
    expect(f.match.f1).toBe(1)
    expect(f.withinTolerance).toEqual({ value: 0, hit: 0, total: 1 })
    expect(f.within161).toEqual({ value: 1, hit: 1, total: 1 })
    expect(f.medianErrorKm).toBeCloseTo(30, 3)
  })

  it('honours a wider tolerance, metonyms, missing coordinates and unscored demonyms', () => {
    const gold = doc({
      layers: ['places'],
      places: [
        { mention: 'Donetsk Oblast', lat: 48, lon: 37.8, use: 'location', tolerance_km: 150 },
        { mention: 'Washington', lat: 38.9, lon: -77, use: 'metonym' },
        { mention: 'Kyiv', lat: 50.45, lon: 30.52, use: 'location' },
        { mention: 'Turkish', lat: 39, lon: 35, use: 'demonym' },
      ],
    })
    const p = pred(['places'], {
      places: [
        { mention: 'Donetsk Oblast', lat: 48.9, lon: 37.8, use: 'location' }, // 100 km off
        { mention: 'Washington', lat: 38.9, lon: -77, use: 'location' },
        { mention: 'Kyiv', lat: null, lon: null, use: 'location' },
        { mention: 'Turkish', lat: 39, lon: 35, use: 'location' },
      ],
    })
    const f = aggregate([scoreDoc(gold, p)]).places!
    expect(f.match).toMatchObject({ tp: 3, pred: 3, gold: 3 })
    expect(f.withinTolerance).toMatchObject({ hit: 1, total: 2 })
    expect(f.metonym).toMatchObject({ hit: 0, total: 1 })
  })

  it('scores entities per type and micro, names matched through aliases', () => {
    const gold = doc({
      layers: ['entities'],
      entities: [zelenskyy, { name: 'Ukraine', type: 'GPE' }, { name: 'Chinese', type: 'NORP' }],
    })
    const p = pred(['entities'], {
      entities: [
        { name: 'Zelensky', type: 'PERSON' },
        { name: 'Ukraine', type: 'GPE' },
        { name: 'Chinese', type: 'GPE' },
      ],
    })
    const f = aggregate([scoreDoc(gold, p)]).entities!
    expect(f.micro).toMatchObject({ tp: 2, pred: 3, gold: 3 })
    expect(f.byType.PERSON).toMatchObject({ precision: 1, recall: 1 })
    expect(f.byType.NORP).toMatchObject({ tp: 0, pred: 0, gold: 1 })
    expect(f.byType.GPE).toMatchObject({ tp: 1, pred: 2, gold: 1, precision: 0.5 })
  })
})

describe('events', () => {
  const goldEvent = (parts: Partial<GoldEvent>): GoldEvent => ({
    type: 'ASSAULT',
    mode: null,
    actors: [],
    place: null,
    date: '2025-04-08',
    date_precision: 'day',
    counts: {},
    ...parts,
  })
  const eventsMatched = (
    g: GoldEvent,
    p: GoldEvent,
    goldDoc: Partial<GoldDoc> = {},
    predDoc: Partial<GoldDoc> = {},
  ) =>
    scoreDoc(
      doc({ layers: ['events', 'places'], events: [g], places: [], ...goldDoc }),
      pred(['events', 'places'], { events: [p], places: [], ...predDoc }),
      { only: ['events'] },
    ).counts.events.match.tp

  it.each([
    ['day', '2025-04-09', 1],
    ['day', '2025-04-10', 0],
    ['day', '2025-04-15', 0],
    ['week', '2025-04-15', 1],
    ['week', '2025-04-16', 0],
    ['month', '2025-05-09', 1],
    ['year', '2024-04-08', 1],
  ] as const)('gold precision %s, predicted %s → %i', (precision, date, expected) => {
    const g = goldEvent({ date: '2025-04-08', date_precision: precision })
    expect(eventsMatched(g, goldEvent({ date }))).toBe(expected)
  })

  it('a null gold date matches any date; a missing predicted date matches no dated gold', () => {
    expect(eventsMatched(goldEvent({ date: null }), goldEvent({ date: '1999-01-01' }))).toBe(1)
    expect(eventsMatched(goldEvent({}), goldEvent({ date: null }))).toBe(0)
  })

  it('needs the same PLOVER type', () => {
    expect(eventsMatched(goldEvent({}), goldEvent({ type: 'COERCE' }))).toBe(0)
  })

  const eventCounts = (g: GoldEvent[], p: GoldEvent[]) =>
    scoreDoc(
      doc({ layers: ['events', 'places'], events: g, places: [] }),
      pred(['events', 'places'], { events: p, places: [] }),
      { only: ['events'] },
    ).counts.events

  it('type accuracy: a one-event doc is right when the first predicted event has its type', () => {
    expect(
      eventCounts([goldEvent({})], [goldEvent({}), goldEvent({ type: 'COERCE' })]).type,
    ).toEqual({ hit: 1, total: 1 })
    expect(
      eventCounts([goldEvent({})], [goldEvent({ type: 'COERCE' }), goldEvent({})]).type,
    ).toEqual({ hit: 0, total: 1 })
    expect(eventCounts([goldEvent({})], []).type).toEqual({ hit: 0, total: 1 })
    expect(eventCounts([goldEvent({}), goldEvent({ type: 'PROTEST' })], []).type).toEqual({
      hit: 0,
      total: 0,
    })
  })

  it('same-day accuracy on matched events: a day off matches but is not the same day', () => {
    expect(eventCounts([goldEvent({})], [goldEvent({ date: '2025-04-09' })]).exactDate).toEqual({
      hit: 0,
      total: 1,
    })
    expect(eventCounts([goldEvent({})], [goldEvent({})]).exactDate).toEqual({ hit: 1, total: 1 })
    expect(eventCounts([goldEvent({ date: null })], [goldEvent({})]).exactDate).toEqual({
      hit: 0,
      total: 0,
    })
  })

  it('resolves event places through each side’s places layer: within 50 km or the gold tolerance', () => {
    const goldPlaces = {
      places: [
        { mention: 'Tarasivka', lat: 48, lon: 37, use: 'location' as const },
        {
          mention: 'Donetsk Oblast',
          lat: 48,
          lon: 37.8,
          use: 'location' as const,
          tolerance_km: 150,
        },
      ],
    }
    const predAt = (mention: string, lat: number) => ({
      places: [{ mention, lat, lon: 37, use: 'location' as const }],
    })
    const g = goldEvent({ place: 'Tarasivka' })
    expect(
      eventsMatched(
        g,
        goldEvent({ place: 'Bilohorivka' }),
        goldPlaces,
        predAt('Bilohorivka', 48.4),
      ),
    ).toBe(1)
    expect(
      eventsMatched(
        g,
        goldEvent({ place: 'Bilohorivka' }),
        goldPlaces,
        predAt('Bilohorivka', 48.5),
      ),
    ).toBe(0)
    const wide = goldEvent({ place: ['Donetsk Oblast', 'Tarasivka'] })
    expect(eventsMatched(wide, goldEvent({ place: 'Far' }), goldPlaces, predAt('Far', 49.2))).toBe(
      1,
    )
    expect(eventsMatched(g, goldEvent({ place: null }), goldPlaces)).toBe(0)
    expect(eventsMatched(goldEvent({ place: null }), goldEvent({ place: 'Anywhere' }))).toBe(1)
  })

  it('compares places by normalised mention when there is no places layer (PLOVER)', () => {
    const gold = doc({ layers: ['events'], events: [goldEvent({ place: 'Baghdad', date: null })] })
    const at = (place: string) =>
      scoreDoc(gold, pred(['events'], { events: [goldEvent({ place })] })).counts.events.match.tp
    expect(at('baghdad')).toBe(1)
    expect(at('Basra')).toBe(0)
  })

  it('scores mode, actors (name or overlap ≥ 0.5) and counts on matched events', () => {
    const g = goldEvent({
      mode: 'abduct',
      actors: ['Volodymyr Zelenskyy', 'Chinese soldiers', 'Russian Defence Ministry'],
      counts: { captured: 2, engaged: 6 },
    })
    const p = goldEvent({
      mode: 'firearms',
      actors: ['Zelensky', 'two Chinese soldiers', 'Kremlin'],
      counts: { captured: 2, killed: 1 },
    })
    const s = scoreDoc(
      doc({ layers: ['events'], entities: [zelenskyy], events: [g] }),
      pred(['events'], { events: [p] }),
    ).counts.events
    expect(s.mode).toEqual({ hit: 0, total: 1 })
    expect(s.actors).toEqual({ hit: 2, total: 3 })
    expect(s.counts).toEqual({ hit: 1, total: 3 })
  })
})

describe('stories', () => {
  it('computes pairwise and BCubed figures exactly', () => {
    // gold clusters {1,2} {3} {4}; system {1,2,3} {4: no key}
    const s = scoreStories([
      { doc: 'a', gold: 'A', system: 'x' },
      { doc: 'b', gold: 'A', system: 'x' },
      { doc: 'c', gold: 'B', system: 'x' },
      { doc: 'd', gold: 'C', system: null },
    ])
    expect(s.pairwise.precision).toBeCloseTo(1 / 3)
    expect(s.pairwise.recall).toBe(1)
    expect(s.pairwise.f1).toBeCloseTo(0.5)
    expect(s.bcubed.precision).toBeCloseTo(2 / 3)
    expect(s.bcubed.recall).toBe(1)
    expect(s.bcubed.f1).toBeCloseTo(0.8)
  })

  it('clusters across documents from the predicted keys of matched events', () => {
    const event = (key: string | null): GoldEvent => ({
      type: 'ASSAULT',
      place: null,
      date: '2025-10-14',
      date_precision: 'day',
      key,
    })
    const gold = (id: string) => doc({ id, layers: ['events'], events: [event('strike')] })
    const both = aggregate([
      scoreDoc(gold('a'), pred(['events'], { id: 'a', events: [event('s1')] })),
      scoreDoc(gold('b'), pred(['events'], { id: 'b', events: [event('s1')] })),
    ]).stories!
    expect(both.pairwise.f1).toBe(1)
    const apart = aggregate([
      scoreDoc(gold('a'), pred(['events'], { id: 'a', events: [event(null)] })),
      scoreDoc(gold('b'), pred(['events'], { id: 'b', events: [event(null)] })),
    ]).stories!
    expect(apart.pairwise.recall).toBe(0)
    expect(apart.bcubed.recall).toBe(0.5)
    expect(apart.bcubed.precision).toBe(1)
  })
})

describe('layers filtering', () => {
  it('scores only the layers a gold doc annotates, narrowed further by only', () => {
    const gold = { ...fullGold, layers: ['quotes', 'places'] as GoldLayer[] }
    const s = scoreDoc(gold, fullGold)
    expect(s.layers).toEqual(['places', 'quotes'])
    const f = aggregate([s])
    expect(f.entities).toBeUndefined()
    expect(f.events).toBeUndefined()
    expect(f.quotes?.span.f1).toBe(1)
    expect(scoreDoc(gold, fullGold, { only: ['quotes', 'events'] }).layers).toEqual(['quotes'])
  })
})

describe('places sharing a mention', () => {
  it('pairs each prediction with the closer gold place', () => {
    const gold = doc({
      layers: ['places'],
      places: [
        {
          mention: 'Georgia',
          name: 'Georgia',
          lat: 42,
          lon: 43.5,
          use: 'location',
          tolerance_km: 200,
        },
        {
          mention: 'Georgia',
          name: 'Georgia (US)',
          lat: 32.7,
          lon: -83.4,
          use: 'location',
          tolerance_km: 300,
        },
      ],
    })
    const p = pred(['places'], {
      places: [
        { mention: 'Georgia', name: 'Georgia (US)', lat: 32.7, lon: -83.4, use: 'location' },
        { mention: 'Georgia', name: 'Georgia', lat: 42, lon: 43.5, use: 'location' },
      ],
    })
    const f = aggregate([scoreDoc(gold, p)]).places!
    expect(f.match).toMatchObject({ tp: 2, pred: 2, gold: 2 })
    expect(f.withinTolerance).toMatchObject({ hit: 2, total: 2 })
  })
})
