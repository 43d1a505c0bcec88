import { describe, expect, it } from 'vitest'
import { createDoc, type Doc, type Event } from '../../core/record.js'
import type { Resources } from '../../core/resources.js'
import { createContext } from '../../core/stage.js'
import { loadLexicons } from '../../resources/lexicons.js'
import { text } from '../text/index.js'
import { countCases, dateCases, statusCases, triggerHits, triggerMisses } from './cases.js'
import { compileLexicons, events, extractEvents } from './index.js'
import { findTriggers, sentenceViews } from './find.js'
import { statusOf } from './status.js'

const resources: Resources = { lexicons: loadLexicons() }
const lex = compileLexicons(resources.lexicons)

/** A doc with text layers and empty upstream layers, as the stage sees it without other stages. */
function docOf(body: string, published: string | null = '2025-05-26'): Doc {
  const doc = createDoc('test', body, { published })
  text().run(doc, createContext(doc, 'text', resources))
  doc.layers.entities = []
  doc.layers.mentions = []
  doc.layers.places = []
  doc.layers.quotes = []
  doc.layers.claims = []
  return doc
}

function run(body: string, published: string | null = '2025-05-26'): { doc: Doc; events: Event[] } {
  const doc = docOf(body, published)
  events().run(doc, createContext(doc, 'events', resources))
  return { doc, events: doc.layers.events ?? [] }
}

const happened = (list: Event[]) => list.filter((e) => e.status === 'happened')

describe('events › triggers', () => {
  it.each(triggerHits)('finds $type in "$text"', ({ text: body, type, trigger, mode }) => {
    const { doc, events: found } = run(body)
    const event = happened(found).find((e) => e.type === type)
    expect(event, JSON.stringify(found.map((e) => [e.type, e.status]))).toBeDefined()
    expect(doc.text.slice(event!.start, event!.end)).toBe(trigger)
    if (mode !== undefined) expect(event!.mode).toBe(mode)
  })

  it.each(triggerMisses)('finds no happened event in "%s"', (body) => {
    expect(happened(run(body).events)).toEqual([])
  })
})

describe('events › dates', () => {
  it.each(dateCases)(
    '"$text" published $published → $date ($precision)',
    ({ text: body, published, date, precision }) => {
      const event = happened(run(body, published).events)[0]
      expect(event?.date).toBe(date)
      expect(event?.datePrecision).toBe(precision)
    },
  )

  it('dates an undated report on its publication day', () => {
    const event = happened(run('Rebels attacked the base, officials said.', '2025-05-26').events)[0]
    expect(event?.date).toBe('2025-05-26')
  })

  it('never takes the date from the dateline', () => {
    const body = 'KYIV, May 26 (Agency) — Rebels attacked the base on Saturday.'
    expect(happened(run(body, '2025-05-26').events)[0]?.date).toBe('2025-05-24')
  })
})

describe('events › counts', () => {
  it.each(countCases)('"$text" → $counts', ({ text: body, counts }) => {
    const all = happened(run(body).events)
    const merged = Object.assign({}, ...all.map((e) => e.counts))
    expect(merged).toEqual(counts)
  })

  it('prefers the official figure to another source', () => {
    const body =
      'Shelling killed at least 27 civilians in the city on Monday, a volunteer group said. ' +
      '"Nineteen civilians were killed by the shelling," the army said in a statement.'
    const event = happened(run(body).events).find((e) => e.type === 'ASSAULT')
    expect(event?.counts.killed).toBe(19)
  })

  it('gives vague words ACLED figures only when asked to', () => {
    const body = 'Dozens of people were wounded in the shelling on Monday.'
    const doc = docOf(body)
    const list = extractEvents(doc, lex, {
      maxGap: 5,
      vagueCounts: true,
      maxAgeDays: 366,
      mergeKm: 25,
    })
    expect(list[0]?.counts.injured).toBe(12)
  })
})

describe('events › status', () => {
  it.each(statusCases)('"$trigger" in "$text" is $status', ({ text: body, trigger, status }) => {
    const doc = docOf(body)
    const view = sentenceViews(doc)[0]!
    const hit = findTriggers(view, lex.triggers).find(
      (h) => doc.text.slice(h.start, h.end) === trigger,
    )
    expect(hit, `no trigger "${trigger}"`).toBeDefined()
    const result = statusOf(view, hit!, lex.cues, false)
    expect(result.drop ? 'dropped' : result.status).toBe(status)
  })

  it('keeps negated events in the record but not as happened', () => {
    const { events: found } = run('The army did not attack the village.')
    expect(found.map((e) => e.status)).toEqual(['negated'])
  })
})

describe('events › merging and arguments', () => {
  it('makes one event of the same event told twice', () => {
    const body =
      'Ukrainian forces captured two soldiers on Monday, the brigade said. ' +
      'Ukrainian forces engaged six soldiers, capturing two.'
    const list = happened(run(body).events)
    expect(list).toHaveLength(1)
    expect(list[0]!.counts).toEqual({ captured: 2, engaged: 6 })
    expect(list[0]!.mode).toBe('abduct')
    expect(list[0]!.acled).toBe('Battles/Armed clash')
  })

  it('keeps events on different days apart', () => {
    const body =
      'Missiles struck the city on Tuesday, killing four people. ' +
      'The attack came two days after drones hit the city.'
    const list = happened(run(body, '2025-10-14').events)
    expect(list.map((e) => e.date)).toEqual(['2025-10-14', '2025-10-12'])
    expect(list.map((e) => e.mode)).toEqual(['heavy-weapons', 'drone'])
  })

  it('names the source the article attributes the event to', () => {
    const body = 'Drones struck a power station on Sunday, the regional governor said.'
    expect(happened(run(body).events)[0]?.claimedBy).toBe('the regional governor')
  })

  it('reads descriptive actor groups with their ACLED type', () => {
    const body = 'Russian troops attacked Ukrainian positions on Monday.'
    const actors = happened(run(body).events)[0]?.actors ?? []
    expect(actors[0]).toMatchObject({ name: 'Russian troops', actorType: 'State forces' })
  })

  it.each([
    ['Protesters stormed the parliament building on Monday.'],
    ['Protesters broke into the parliament building on Monday and set parts of it on fire.'],
  ])('reads force used by a crowd as a riot: "%s"', (body) => {
    const list = happened(run(body).events)
    expect(list.map((e) => [e.type, e.mode, e.acled])).toEqual([
      ['PROTEST', 'riot', 'Riots/Violent demonstration'],
    ])
  })

  it('keeps force used on a crowd by armed men an attack', () => {
    const list = happened(run('Soldiers stormed the square where protesters had gathered.').events)
    expect(list.some((e) => e.type === 'ASSAULT')).toBe(true)
    expect(list.some((e) => e.mode === 'riot')).toBe(false)
  })

  it('adds the protest that crowd control aimed at protesters tells of', () => {
    const body = 'Police fired tear gas at thousands of protesters in the capital on Monday.'
    const list = happened(run(body).events)
    const protest = list.find((e) => e.type === 'PROTEST')
    expect(protest?.acled).toBe('Protests/Protest with intervention')
    expect(protest?.by).toBe('events/implied-protest')
    expect(protest?.date).toBe(list.find((e) => e.type === 'ASSAULT')?.date)
  })

  it.each([
    ['crowd control aimed at no protesters', 'Police fired tear gas at the gunmen on Monday.'],
    [
      'a protest already told',
      'Thousands of protesters marched on Monday, and police fired tear gas at them.',
    ],
  ])('adds no protest for %s', (_name, body) => {
    const implied = happened(run(body).events).filter((e) => e.by === 'events/implied-protest')
    expect(implied).toEqual([])
  })

  it('folds arrests at a protest into the protest, as ACLED does', () => {
    const body = 'Police detained 20 people after thousands of protesters marched on Monday.'
    const list = happened(run(body).events)
    expect(list.find((e) => e.type === 'PROTEST')?.acled).toBe('Protests/Protest with intervention')
    expect(list.find((e) => e.type === 'COERCE')?.acled).toBeNull()
  })

  it('drops events far older than the article', () => {
    expect(happened(run('Troops captured the village in March 2019.').events)).toEqual([])
  })

  it('writes plain JSON with offsets into the text', () => {
    const { doc, events: found } = run('Rebels attacked the base on Saturday.')
    expect(JSON.parse(JSON.stringify(found))).toEqual(found)
    expect(doc.text.slice(found[0]!.start, found[0]!.end)).toBe('attacked')
    expect(found[0]!.by).toMatch(/^events\//)
  })

  it('reports a missing publication date as a message', () => {
    const { doc } = run('Rebels attacked the base.', null)
    expect(doc.messages.map((m) => m.ruleId)).toContain('events/no-published')
  })
})
