/**
 * Deterministic inputs of any size for the linear-time test. Each shape is a
 * function of the size in characters; the same size always gives the same text
 * (a seeded generator), so two runs measure the same work.
 */

export type ShapeKind = 'text' | 'html'

export interface Shape {
  kind: ShapeKind
  build(size: number): string
}

/** A small seeded generator (mulberry32): deterministic and fast. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PEOPLE = [
  'Volodymyr Zelensky',
  'Gen. Oleksandr Syrskyi',
  'Dmitry Peskov',
  'Antonio Guterres',
  'Mr. al-Sharaa',
  'a senior U.S. official',
]
const PLACES = [
  'Kharkiv',
  'Pokrovsk',
  'Zaporizhzhia Oblast',
  'the Gaza Strip',
  'Khan Younis',
  'Goma',
  'Port Sudan',
  'St. Petersburg',
]
const ORGS = [
  'the Ministry of Defence',
  'NATO',
  'the UN Security Council',
  'Hamas',
  'the M23 rebels',
  'the Rapid Support Forces',
  'Reuters',
]
const VERBS = [
  'said',
  'told reporters',
  'claimed',
  'denied',
  'wrote on Telegram',
  'added',
  'warned',
]
const ACTIONS = [
  'shelled',
  'struck',
  'captured',
  'withdrew from',
  'evacuated',
  'shot down drones over',
  'reported fighting near',
]
const DATES = [
  'on Monday',
  'late on Tuesday',
  'on April 8',
  'last week',
  'overnight',
  'on 12 March 2025',
  'two days ago',
]

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T
}

/** One newswire-like sentence: quotes, dashes, titles, numbers, abbreviations. */
function sentence(next: () => number): string {
  const n = Math.floor(next() * 400)
  switch (Math.floor(next() * 6)) {
    case 0:
      return `\u201cWe will not give up ${pick(next, PLACES)},\u201d ${pick(next, PEOPLE)} ${pick(next, VERBS)} ${pick(next, DATES)}.`
    case 1:
      return `${pick(next, ORGS)} ${pick(next, ACTIONS)} ${pick(next, PLACES)} ${pick(next, DATES)}, killing at least ${n} people \u2014 including ${n % 17} children \u2014 according to local officials.`
    case 2:
      return `"The situation is 'very serious'," ${pick(next, PEOPLE)} ${pick(next, VERBS)}, citing ${pick(next, ORGS)}.`
    case 3:
      return `${pick(next, PEOPLE)} (${pick(next, ORGS)}) said the attack on ${pick(next, PLACES)} -- the ${n}th this year -- was "a war crime".`
    case 4:
      return `BREAKING: U.S. and E.U. officials met in ${pick(next, PLACES)} at 3:30 p.m.; talks on a ${n}-day ceasefire ended without agreement.`
    default:
      return `According to ${pick(next, ORGS)}, ${pick(next, ORGS)} ${pick(next, ACTIONS)} ${pick(next, PLACES)}, which it denied.`
  }
}

/** Realistic news text: sentences in paragraphs of two to six. */
function prose(size: number, paragraphBreak: string): string {
  const next = random(size)
  const parts: string[] = []
  let length = 0
  while (length < size) {
    const count = 2 + Math.floor(next() * 5)
    const paragraph = Array.from({ length: count }, () => sentence(next)).join(' ')
    parts.push(paragraph)
    length += paragraph.length + paragraphBreak.length
  }
  return parts.join(paragraphBreak).slice(0, size)
}

/**
 * Paragraphs of prose with, every few paragraphs, a paragraph of trap material
 * of bounded length: catches stages that rescan the whole document per mark.
 */
function proseWithTraps(size: number): string {
  const next = random(size + 1)
  const traps = [
    () => '"'.repeat(200),
    () => '\u201c'.repeat(100) + ' word'.repeat(50),
    () => 'Alpha Beta Gamma Delta '.repeat(40),
    () => 'ABC DEF GHI '.repeat(60),
    () => ' - -- \u2014 \u2013 '.repeat(60),
    () => '\u201cNo, ' + 'really, '.repeat(80),
    () => "'".repeat(40) + ' said ' + '"'.repeat(40),
  ]
  const parts: string[] = []
  let length = 0
  while (length < size) {
    const paragraph =
      next() < 0.15 ? pick(next, traps)() : prose(200 + Math.floor(next() * 800), ' ')
    parts.push(paragraph)
    length += paragraph.length + 1
  }
  return parts.join('\n').slice(0, size)
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
}

/**
 * The shapes. Trap shapes make the trap as long as the input (a quadratic rule
 * over a run then shows as a quadratic over the input); prose shapes are what
 * real news looks like, at sizes up to 5 MB.
 */
export const SHAPES: Record<string, Shape> = {
  // Realistic prose, the everyday case.
  'news prose in paragraphs': { kind: 'text', build: (size) => prose(size, '\n') },
  'news prose with trap paragraphs': { kind: 'text', build: proseWithTraps },
  // One huge paragraph: stages that work per paragraph or sentence see it whole.
  'news prose as one paragraph': { kind: 'text', build: (size) => prose(size, ' ') },
  // Traps as long as the input, one paragraph each.
  'unclosed opening quotes': { kind: 'text', build: (size) => repeatTo('\u201cword ', size) },
  'straight quote marks between words': {
    kind: 'text',
    build: (size) => repeatTo('" said "', size),
  },
  'capitalised words without a verb': {
    kind: 'text',
    build: (size) => repeatTo('Alpha Beta GAMMA Delta ', size),
  },
  'spaced dashes': { kind: 'text', build: (size) => repeatTo('word - -- \u2014 \u2013 ', size) },
  'quote marks separated by spaces': {
    kind: 'text',
    build: (size) => repeatTo('" \u201c \u201d \' ', size),
  },
  // Many place names: stages that compare every place with every other show here.
  'a list of places': {
    kind: 'text',
    build: (size) => {
      const next = random(size + 2)
      const parts: string[] = []
      let length = 0
      while (length < size) {
        const line = `Fighting was reported in ${pick(next, PLACES)}, ${pick(next, PLACES)} and near ${pick(next, PLACES)} on Monday.`
        parts.push(line)
        length += line.length + 1
      }
      return parts.join(next() < 0.3 ? '\n' : ' ').slice(0, size)
    },
  },
  // Known quadratic at the time of writing (see linear-time.test.ts).
  'one long word': { kind: 'text', build: (size) => repeatTo('x', size) },
  'a run of one punctuation mark': { kind: 'text', build: (size) => repeatTo('?', size) },
  'a hyphenated chain': { kind: 'text', build: (size) => repeatTo('a-', size) },
  'deeply nested HTML': {
    kind: 'html',
    build: (size) => {
      const depth = Math.max(1, Math.floor(size / 11))
      return `<!doctype html><html><body>${'<div>'.repeat(depth)}Shelling hit Kharkiv, officials said.${'</div>'.repeat(depth)}</body></html>`
    },
  },
  'flat HTML paragraphs': {
    kind: 'html',
    build: (size) => {
      const text = prose(size, '\n')
      return `<!doctype html><html><head><title>T</title></head><body><article>${text
        .split('\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`
    },
  },
}
