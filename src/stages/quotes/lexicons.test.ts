import { describe, expect, it } from 'vitest'
import { loadLexicons } from '../../resources/lexicons.js'
import { compileLexicon, cueForms, inflect } from './lexicon.js'

const lexicons = loadLexicons()
const CLASSES = [
  'say',
  'report',
  'claim',
  'guess',
  'believe',
  'deny',
  'accuse',
  'urge',
  'call for',
  'confirm',
  'evaluate',
  'intend',
  'ask',
]
const FRAMES = ['that', 'obj', 'of', 'to', 'for', 'quote']

describe('quotes lexicons › files are well formed', () => {
  it.each([
    ['speech-verbs', ['cue', 'class', 'stance', 'frame', 'forms'], 250],
    ['anonymous-sources', ['noun', 'number'], 50],
    ['relay-channels', ['name', 'kind'], 40],
    ['speaker-titles', ['title'], 50],
    ['attribution-nouns', ['noun', 'class'], 40],
    ['attitude-cues', ['cue', 'class', 'stance', 'frame', 'forms'], 40],
    ['attitude-nouns', ['noun', 'class', 'links'], 40],
    ['source-nouns', ['noun', 'holder'], 30],
    ['comment-nouns', ['noun'], 5],
  ])('%s has rows with columns %j', (name, columns, atLeast) => {
    const rows = lexicons.get(name as string)
    expect(rows.length).toBeGreaterThanOrEqual(atLeast as number)
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(columns)
      expect(row[(columns as string[])[0]!]).not.toBe('')
    }
  })

  it('speech verbs use only known classes, frames and stances', () => {
    for (const row of lexicons.get('speech-verbs')) {
      expect(CLASSES).toContain(row.class)
      expect(FRAMES).toContain(row.frame)
      expect(['asserts', 'hedges', 'denies']).toContain(row.stance)
    }
  })

  it('attitude cues use only known classes and frames, and compile as weak senses', () => {
    const { cues } = compileLexicon(lexicons)
    for (const row of lexicons.get('attitude-cues')) {
      expect(CLASSES).toContain(row.class)
      expect(FRAMES).toContain(row.frame)
      expect(['asserts', 'hedges', 'denies']).toContain(row.stance)
      for (const form of cueForms(row)) {
        const [first, ...rest] = form.split(' ')
        const senses = cues.get(first!) ?? []
        expect(senses.some((x) => x.weak && x.rest.join(' ') === rest.join(' '))).toBe(true)
      }
    }
    // A speech verb stays a statement.
    expect(cues.get('said')!.every((x) => !x.weak)).toBe(true)
  })

  it('has several hundred cue forms, "said" only one among them', () => {
    const { cues } = compileLexicon(lexicons)
    expect(cues.size).toBeGreaterThan(600)
    expect(cues.get('said')).toBeDefined()
  })
})

describe('quotes lexicons › inflection', () => {
  it.each([
    ['warn', ['warn', 'warns', 'warned', 'warning']],
    ['deny', ['deny', 'denies', 'denied', 'denying']],
    ['note', ['note', 'notes', 'noted', 'noting']],
    ['stress', ['stress', 'stresses', 'stressed', 'stressing']],
  ])('%s inflects regularly', (verb, forms) => {
    expect(inflect(verb)).toEqual(forms)
  })

  it('takes irregular forms from the forms column and keeps particles', () => {
    expect(cueForms({ cue: 'say', forms: 'says,said,saying' })).toEqual([
      'say',
      'says',
      'said',
      'saying',
    ])
    expect(cueForms({ cue: 'point out', forms: '' })).toContain('pointed out')
  })

  it.each(['said', 'told', 'wrote', 'warned', 'denied', 'according', 'urged', 'pointed'])(
    '"%s" is a cue form (or the start of one)',
    (form) => {
      const { cues } = compileLexicon(lexicons)
      expect(form === 'according' || cues.has(form)).toBe(true)
    },
  )
})

describe('quotes lexicons › source nouns', () => {
  it('name a holder, document or subject, and compile by their last word', () => {
    const compiled = compileLexicon(lexicons)
    for (const row of lexicons.get('source-nouns')) {
      expect(['document', 'subject']).toContain(row.holder)
      expect(compiled.sourceNouns.get(row.noun!.split(' ').pop()!)).toBe(row.holder)
    }
  })
})

describe('quotes lexicons › attitude nouns', () => {
  it('use only known classes and compile with their links as weak senses', () => {
    const compiled = compileLexicon(lexicons)
    for (const row of lexicons.get('attitude-nouns')) {
      expect(CLASSES).toContain(row.class)
      const frame = compiled.nounFrames.get(row.noun!)
      expect(frame?.sense.weak).toBe(true)
      for (const link of row.links!.split('|')) {
        expect(frame?.links.has(link)).toBe(true)
        expect(compiled.nounLinks.has(link)).toBe(true)
      }
    }
  })
})

describe('quotes lexicons › attribution nouns', () => {
  it('use only known classes and compile to one sense per noun', () => {
    const compiled = compileLexicon(lexicons)
    for (const row of lexicons.get('attribution-nouns')) {
      expect(CLASSES).toContain(row.class)
      expect(compiled.nouns.get(row.noun!)?.cls).toBe(row.class)
    }
    expect(compiled.nouns.get('denial')?.stance).toBe('denies')
  })
})
