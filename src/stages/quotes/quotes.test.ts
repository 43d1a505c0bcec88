import { describe, expect, it } from 'vitest'
import { createDoc, type Doc, type Entity, type Mention } from '../../core/record.js'
import { createContext } from '../../core/stage.js'
// Stage tests read the real lexicon files through the real loader, and tokenise
// with the text stage: the quotes stage itself imports only core.
import { loadLexicons } from '../../resources/lexicons.js'
import { text } from '../text/index.js'
import { CUE_VERBS, HITS, MISSES, RULE_HITS, RULE_MISSES } from './cases.js'
import { quotes } from './index.js'

const resources = { lexicons: loadLexicons() }
const textStage = text()
const quotesStage = quotes()

function run(body: string, entities: Entity[] = [], mentions: Mention[] = []): Doc {
  const doc = createDoc('test', body, { outlet: 'Test Wire' })
  textStage.run(doc, createContext(doc, 'text', resources))
  doc.layers.entities = entities
  doc.layers.mentions = mentions
  quotesStage.run(doc, createContext(doc, 'quotes', resources))
  return doc
}

function quoteTexts(doc: Doc) {
  return (doc.layers.quotes ?? []).map((q) => ({
    text: doc.text.slice(q.spans[0]!.start, q.spans[q.spans.length - 1]!.end),
    speaker: q.speakerName,
    kind: q.kind,
    via: q.via,
    anonymous: q.anonymous,
  }))
}

describe('quotes › constructions', () => {
  it.each(HITS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const found = quoteTexts(run(row.text))
    for (const expected of row.quotes) {
      const match = found.find((q) => q.text === expected.text)
      expect(match, `no quote "${expected.text}" in ${JSON.stringify(found)}`).toBeDefined()
      expect(match!.speaker).toBe(expected.speaker)
      if (expected.kind) expect(match!.kind).toBe(expected.kind)
      if (expected.via) expect(match!.via).toEqual(expected.via)
      if (expected.anonymous !== undefined) expect(match!.anonymous).toBe(expected.anonymous)
    }
  })
})

describe('quotes › cue verbs of "X <verb> that …"', () => {
  it.each(CUE_VERBS)('finds indirect speech after "%s"', (verb) => {
    const found = quoteTexts(
      run(`The regional governor ${verb} that the bridge had been destroyed.`),
    )
    expect(found).toContainEqual(
      expect.objectContaining({
        text: 'the bridge had been destroyed',
        speaker: 'The regional governor',
      }),
    )
  })
})

describe('quotes › rules beyond speech verbs', () => {
  it.each(RULE_HITS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const doc = run(row.text)
    const found = (doc.layers.quotes ?? []).map((q) => ({
      content: doc.text.slice(q.spans[0]!.start, q.spans[q.spans.length - 1]!.end),
      speaker: q.speakerName,
      by: q.by,
    }))
    expect(found).toContainEqual({ content: row.content, speaker: row.speaker, by: row.by })
  })

  it.each(RULE_MISSES.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const doc = run(row.text)
    expect((doc.layers.quotes ?? []).map((q) => q.by)).not.toContain(row.by)
  })
})

describe('quotes › one item per attribution (option joinContinuations, PolNeAR)', () => {
  const joined = quotes({ joinContinuations: true })
  const runJoined = (body: string) => {
    const doc = createDoc('test', body, { outlet: 'Test Wire' })
    textStage.run(doc, createContext(doc, 'text', resources))
    doc.layers.entities = []
    doc.layers.mentions = []
    joined.run(doc, createContext(doc, 'quotes', resources))
    return doc.layers.quotes ?? []
  }

  it.each([
    ['the halves of a split quote', '"We are ready," the mayor said, "and we will rebuild."'],
    [
      'a marked sentence after an attributed quote in its paragraph',
      '"We are ready," the mayor said. "We will rebuild the bridge by spring."',
    ],
  ])('joins %s into one quote with two spans', (_name, body) => {
    const found = runJoined(body)
    expect(found).toHaveLength(1)
    expect(found[0]!.spans).toHaveLength(2)
    expect(found[0]!.speakerName).toBe('the mayor')
  })

  it('does not join a quote of the next paragraph, nor by default', () => {
    const body = '"We are ready," the mayor said.\n\n"We will rebuild the bridge by spring."'
    expect(runJoined(body)).toHaveLength(2)
    expect(
      run('"We are ready," the mayor said, "and we will rebuild."').layers.quotes,
    ).toHaveLength(2)
  })
})

describe('quotes › misses', () => {
  it.each(MISSES.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const found = quoteTexts(run(row.text))
    if (row.notQuoted === '') expect(found).toEqual([])
    else expect(found.map((q) => q.text)).not.toContain(row.notQuoted)
  })
})

describe('quotes › speakers through the entities layer', () => {
  const body =
    'Ukrainian President Volodymyr Zelenskyy spoke in Kyiv. "We captured two soldiers on our soil," he says.'
  const at = (s: string) => ({ start: body.indexOf(s), end: body.indexOf(s) + s.length })
  const zelenskyy: Entity = {
    id: 'e1',
    name: 'Volodymyr Zelenskyy',
    type: 'PERSON',
    aliases: ['Zelenskyy'],
    role: 'President of Ukraine',
    key: 'volodymyr zelenskyy',
    by: 'test',
    confidence: 1,
  }
  const mention = (s: string, kind: Mention['kind']): Mention => ({
    ...at(s),
    entity: 'e1',
    kind,
    by: 'test',
    confidence: 1,
  })

  it('resolves "he says" to the entity the pronoun mention points at', () => {
    const doc = run(
      body,
      [zelenskyy],
      [mention('Volodymyr Zelenskyy', 'name'), mention('he', 'pronoun')],
    )
    const quote = doc.layers.quotes![0]!
    expect(quote.speaker).toBe('e1')
    expect(quote.speakerName).toBe('Volodymyr Zelenskyy')
    expect(doc.text.slice(quote.speakerSpan!.start, quote.speakerSpan!.end)).toBe('he')
    expect(doc.text.slice(quote.cue!.start, quote.cue!.end)).toBe('says')
  })

  it('falls back to the phrase text when no mention covers the speaker', () => {
    const doc = run('"The convoy was hit twice," a local volunteer group said.')
    expect(doc.layers.quotes![0]!.speaker).toBeNull()
    expect(doc.layers.quotes![0]!.speakerName).toBe('a local volunteer group')
  })

  it('keeps the apposition of an inverted speaker in the mention span', () => {
    const doc = run(
      '"We are saddened by the attack," said Matthew Soerens, spokesman for World Relief.',
    )
    const quote = doc.layers.quotes![0]!
    expect(quote.speakerName).toBe('Matthew Soerens')
    expect(doc.text.slice(quote.speakerSpan!.start, quote.speakerSpan!.end)).toBe(
      'Matthew Soerens, spokesman for World Relief',
    )
  })

  it('attaches a relative clause\'s cue to "who", resolved to its antecedent', () => {
    const doc = run(
      'Charles Barkley, who said he usually votes for Democrats, praised Ohio Governor John Kasich.',
    )
    const quote = doc.layers.quotes!.find((q) =>
      doc.text.slice(q.start, q.end).startsWith('he usually'),
    )!
    expect(quote.speakerName).toBe('Charles Barkley')
    expect(doc.text.slice(quote.speakerSpan!.start, quote.speakerSpan!.end)).toBe('who')
  })

  it('reads a name the entities stage found as the subject even when the tagger calls it a verb', () => {
    const text =
      'Retired general Mark Lynch said the bridge was mined. Lynch said the sappers left.'
    const lynch: Entity = { ...zelenskyy, name: 'Mark Lynch', aliases: ['Lynch'], role: null }
    const name = (start: number, end: number): Mention => ({
      start,
      end,
      entity: 'e1',
      kind: 'name',
      by: 'test',
      confidence: 0.6,
    })
    const second = text.lastIndexOf('Lynch')
    const mentions = [name(text.indexOf('Mark'), text.indexOf(' said')), name(second, second + 5)]
    const found = quoteTexts(run(text, [lynch], mentions))
    expect(found.map((q) => [q.text, q.speaker])).toEqual([
      ['the bridge was mined', 'Mark Lynch'],
      ['the sappers left', 'Mark Lynch'],
    ])
    // Without the mentions the tagger's VERB leaves the second cue with no subject.
    expect(quoteTexts(run(text)).map((q) => q.text)).not.toContain('the sappers left')
  })

  it('writes spans that index the text, with provenance', () => {
    const doc = run(body, [zelenskyy], [mention('he', 'pronoun')])
    for (const quote of doc.layers.quotes!) {
      expect(quote.by).toMatch(/^quotes\//)
      expect(quote.confidence).toBeGreaterThan(0)
      expect(quote.start).toBeLessThan(quote.end)
      expect(JSON.parse(JSON.stringify(quote))).toEqual(quote)
    }
  })
})

describe('quotes › the speaker mention of a subject', () => {
  it.each([
    [
      'takes a first name the tagger reads as a verb',
      'White House spokesman Josh Earnest said the president would veto the bill.',
      'White House spokesman Josh Earnest',
    ],
    [
      'takes the clause subject for a participle cue before a colon',
      'The governor, a former judge, wrote to residents on Monday, saying: “Leave your homes now.”',
      'The governor, a former judge',
    ],
    [
      'takes the noun before a participle and its time word',
      'New polls released Sunday said the race was tied.',
      'New polls released Sunday',
    ],
    [
      'takes a pronoun joined by "and"',
      'She and her defenders said the emails were never classified.',
      'She and her defenders',
    ],
    [
      'takes a word of quantity before a number',
      'About 9 percent said they had no preference.',
      'About 9 percent',
    ],
    [
      'leaves out a trailing time adjunct',
      'Sen. Bernie Sanders on Wednesday morning said the deal was bad.',
      'Sen. Bernie Sanders',
    ],
    [
      'keeps a relative clause between commas',
      'Jose Yepez, a council member, who had never heard him speak, said he was impressed.',
      'Jose Yepez, a council member, who had never heard him speak',
    ],
    [
      'leaves out an adjunct between commas before the cue',
      'Mr. Trump, in an interview on Friday, said the wall would be built.',
      'Mr. Trump',
    ],
    [
      'leaves out a bare day after a common noun',
      'A statement Wednesday said the road would reopen.',
      'A statement',
    ],
    [
      'takes "More" before a modifier',
      'More black state lawmakers said they would back Clinton.',
      'More black state lawmakers',
    ],
  ])('%s', (_name, body, mention) => {
    const doc = run(body)
    const spans = (doc.layers.quotes ?? []).map((q) =>
      q.speakerSpan ? doc.text.slice(q.speakerSpan.start, q.speakerSpan.end) : null,
    )
    expect(spans).toContain(mention)
  })
})

describe('quotes › the speaker mention of a possessor', () => {
  it.each([
    [
      'keeps the possessive mark',
      "Moscow's claim that the bridge had fallen proved false.",
      "Moscow's",
    ],
    ['starts after a preposition', 'It was a replay of Obama’s response to the crash.', 'Obama’s'],
    ['is the pronoun itself', 'His support for the bill was never in doubt.', 'His'],
  ])('%s', (_name, body, mention) => {
    const doc = run(body)
    const quote = doc.layers.quotes?.[0]
    expect(quote?.speakerSpan).toBeDefined()
    expect(doc.text.slice(quote!.speakerSpan!.start, quote!.speakerSpan!.end)).toBe(mention)
  })
})

describe('quotes › the speaker mention of an inverted attribution', () => {
  it('keeps a party tag after the name, and finds the quote through it', () => {
    const doc = run('The levee will not hold, said Rep. Dana Whitfield (D-La.).')
    const quote = doc.layers.quotes?.[0]
    expect(quote?.speakerName).toBe('Rep. Dana Whitfield')
    expect(doc.text.slice(quote!.speakerSpan!.start, quote!.speakerSpan!.end)).toBe(
      'Rep. Dana Whitfield (D-La.)',
    )
  })

  it('stops at the end of the paragraph', () => {
    const doc = run('The rally will go ahead, said Huma Abedin\n\nAnother paragraph starts here.')
    const quote = (doc.layers.quotes ?? []).find((q) => q.speakerName === 'Huma Abedin')
    expect(doc.text.slice(quote!.speakerSpan!.start, quote!.speakerSpan!.end)).toBe('Huma Abedin')
  })

  it.each([
    [
      'ends where the clause resumes after the apposition',
      'The rally will go ahead, said Huma Abedin, the campaign vice chair, adding that the venue had changed.',
      'Huma Abedin, the campaign vice chair',
    ],
    [
      'keeps an apposition that runs to the sentence end',
      'The rally will go ahead, said Huma Abedin, the campaign vice chair.',
      'Huma Abedin, the campaign vice chair',
    ],
    [
      'stops before a participle right after the name',
      'The rally will go ahead, said Huma Abedin, referring to the permit.',
      'Huma Abedin',
    ],
    [
      'stops before a subordinate clause right after the name',
      'The rally will go ahead, said Huma Abedin, though she added that the venue had changed.',
      'Huma Abedin',
    ],
  ])('%s', (_name, body, mention) => {
    const doc = run(body)
    const quote = (doc.layers.quotes ?? []).find((q) => q.speakerName === 'Huma Abedin')
    expect(quote?.speakerSpan).toBeDefined()
    expect(doc.text.slice(quote!.speakerSpan!.start, quote!.speakerSpan!.end)).toBe(mention)
  })
})
