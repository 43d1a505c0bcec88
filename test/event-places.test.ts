/**
 * Where an event happened, through the whole pipeline (the events stage's own tests stub the
 * places layer): rows written for these tests, run against the built gazetteer.
 */
import { describe, expect, it } from 'vitest'
import { articleToDoc } from '../src/ingest/article.js'
import { defaultPipeline } from '../src/pipeline.js'
import { loadResources } from '../src/resources/index.js'

const pipeline = defaultPipeline(loadResources())
const placesOfEvents = (text: string): string[][] => {
  const doc = pipeline.run(articleToDoc({ id: 'e', text, published: '2024-09-18' }))
  const places = doc.layers.places ?? []
  // The mention as written: the gazetteer's names for regions may change with its data.
  return (doc.layers.events ?? []).map((e) => e.places.map((i) => places[i]?.mention ?? '?'))
}

describe('events › a place taken is territory, not captives', () => {
  const modes = (text: string) => {
    const doc = pipeline.run(articleToDoc({ id: 'e', text, published: '2024-09-18' }))
    return (doc.layers.events ?? []).map((e) => [e.type, e.mode])
  }
  it.each([
    ['Town falls\nRebels captured Lashio in northern Shan State on Monday.', [['ASSAULT', null]]],
    ['Town falls\nRebels seized control of the town of Lashio on Monday.', [['ASSAULT', null]]],
    [
      'Soldiers captured\nUkrainian troops captured two Russian soldiers on Monday.',
      [['ASSAULT', 'abduct']],
    ],
    ['Town falls\nRebels captured the strategic town of Lashio on Monday.', [['ASSAULT', null]]],
    ['Town falls\nRebels captured the town on Monday after heavy fighting.', [['ASSAULT', null]]],
    ['Airport taken\nRebels seized the airport on Monday.', [['ASSAULT', null]]],
    ['Village retaken\nTroops retook the village on Monday, officials said.', [['ASSAULT', null]]],
    ['Chief abducted\nGunmen abducted the village chief on Monday.', [['ASSAULT', 'abduct']]],
  ])('%s', (text, expected) => {
    expect(modes(text)).toEqual(expected)
  })
})

describe('events › the place of an event', () => {
  it.each([
    [
      'a region after a possessive country, governed by "in", though a verb follows it',
      'Strike hits school\nA military air strike on a village school in Myanmar’s Sagaing region killed at least 11 children on Monday.',
      'Sagaing region',
    ],
    [
      'a dateline after a single hyphen is where the report was filed, not the event',
      'Strikes kill nine\nBEIRUT (Reuters) - Israeli air strikes on two villages in southern Lebanon killed nine people on Tuesday, the ministry said.',
      'Lebanon',
    ],
    [
      'a region is more precise than the country named with it',
      'Shelling hits villages\nArtillery shelled villages in Ukraine and in the Kharkiv region on Monday, killing two people.',
      'Kharkiv region',
    ],
  ])('%s', (_why, text, place) => {
    expect(placesOfEvents(text)).toContainEqual([place])
  })
})

describe('events › a headline and its lede are one event', () => {
  const eventsOf = (text: string) => {
    const doc = pipeline.run(articleToDoc({ id: 'e', text, published: '2024-09-18' }))
    const places = doc.layers.places ?? []
    return (doc.layers.events ?? [])
      .filter((e) => e.status === 'happened')
      .map((e) => [e.type, e.places.map((i) => places[i]?.mention ?? '?')])
  }

  it('when the headline names only the country of the lede’s region', () => {
    const text =
      'Myanmar junta air strike on school kills 11 children\n' +
      'A military air strike on a village school in Myanmar’s Sagaing region killed at least 11 children on Monday, rebels said.'
    expect(eventsOf(text)).toEqual([['ASSAULT', ['Sagaing region']]])
  })

  it('but not when the first line is a sentence of its own, in another country', () => {
    const text =
      'An air strike on a school in Myanmar killed 11 children on Monday.\n' +
      'A drone strike on a market in Sudan’s North Darfur state killed 11 people on Monday.'
    expect(eventsOf(text)).toHaveLength(2)
  })
})
