import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import type { Paragraph, Sentence, Token } from '../../core/record.js'
import { fixSentences, type SentenceRange } from './sentences.js'

// The model is loaded once per process (about 100 ms); every doc shares it. Only sentence
// boundaries and parts of speech are asked for: wink's negation, sentiment and entity
// pipes would cost time for annotations no stage reads (dates come from chrono-node).
let nlp: ReturnType<typeof winkNLP> | undefined
export function getNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['sbd', 'pos'])
  return nlp
}

/** Paragraphs are the lines of the normalised text (normalisation folds blank lines). */
export function findParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    if (end > start) paragraphs.push({ start, end })
    start = end + 1
  }
  return paragraphs
}

/**
 * Tokens with parts of speech, and sentences, from one wink-nlp read of the
 * whole text (one read is much cheaper than one per paragraph). Offsets are
 * recovered by walking the text, because wink reports token values, not
 * positions. wink's sentences are then corrected for news typography
 * (./sentences.ts) and cut at paragraph breaks.
 */
export function tokenize(
  text: string,
  paragraphs: readonly Paragraph[],
): { sentences: Sentence[]; tokens: Token[] } {
  const { its } = getNlp()
  const view = winkView(text)
  const wdoc = getNlp().readDoc(view)
  const values = wdoc.tokens().out() as string[]
  const pos = wdoc.tokens().out(its.pos) as string[]
  const kinds = wdoc.tokens().out(its.type) as string[]
  const tokens: Token[] = []
  // wink keeps line breaks as tokens; they are not words. `index` maps wink's token
  // indexes to ours (a dropped token maps to the next kept one).
  const index = new Int32Array(values.length + 1)
  let cursor = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string
    index[i] = tokens.length
    if (value.trim() === '') continue
    // The value is normally right after the spaces that follow the last token; a
    // bounded look (never a search to the end of the text, which made long texts
    // quadratic) covers what wink skips. If wink normalised the value, take the
    // next non-space.
    let at = cursor
    while (at < view.length && (view[at] === ' ' || view[at] === '\n')) at++
    if (!view.startsWith(value, at)) {
      const near = view.slice(cursor, cursor + value.length + 16).indexOf(value)
      if (near >= 0) at = cursor + near
    }
    const end = Math.min(text.length, at + value.length)
    const kind = kinds[i] ?? 'word'
    const clitic = kind === 'word' ? possessiveClitic(text, at, end) : 0
    if (clitic > 0) {
      // wink tags any word it holds whole with a clitic as a name; "department’s" is not one.
      const tag = pos[i] === 'PROPN' && !isUpperCase(text, at) ? 'NOUN' : (pos[i] ?? 'X')
      tokens.push({ start: at, end: end - clitic, pos: tag, kind })
      tokens.push({ start: end - clitic, end, pos: 'PART', kind })
    } else tokens.push({ start: at, end, pos: pos[i] ?? 'X', kind })
    cursor = end
  }
  index[values.length] = tokens.length
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][]
  const ranges: SentenceRange[] = []
  for (const [from, to] of spans) {
    // Last kept token at or before `to`, first kept token at or after `from`.
    const a = index[from] as number
    const b = (index[to + 1] as number) - 1
    if (b >= a) ranges.push({ from: a, to: b, by: 'text/wink-sentence' })
  }
  const fixed = fixSentences(text, tokens, splitAtParagraphs(ranges, tokens, paragraphs))
  const sentences: Sentence[] = []
  let paragraph = 0
  for (const range of fixed) {
    const a = tokens[range.from]
    const b = tokens[range.to]
    if (!a || !b) continue
    while (paragraph < paragraphs.length - 1 && a.start >= (paragraphs[paragraph] as Paragraph).end)
      paragraph++
    sentences.push({
      start: a.start,
      end: b.end,
      paragraph,
      by: range.by,
      confidence: range.by === 'text/wink-sentence' ? 0.9 : 0.85,
    })
  }
  return { sentences, tokens }
}

/**
 * The length of a possessive "’s" / "'s" that wink left on a word (2), or 0. wink splits
 * "Kyiv’s army" into "Kyiv" + "’s", but keeps "Kyiv’s," whole (a word before punctuation)
 * and then remembers "Kyiv’s" as a word of its vocabulary, so that every later "Kyiv’s"
 * in the process stays whole too: its tokens would depend on what it read before. Cutting
 * the clitic off here gives every text the same tokens whatever came before it.
 * Contractions ("it's", "that's") are in wink's lexicon and always split already.
 */
export function possessiveClitic(text: string, start: number, end: number): number {
  if (end - start < 4) return 0
  const s = text.charCodeAt(end - 1)
  if (s !== 0x73 && s !== 0x53) return 0 // s, S
  const mark = text.charCodeAt(end - 2)
  if (mark !== 0x27 && mark !== 0x2019) return 0 // ' ’
  return isLetter(text.charCodeAt(end - 3)) ? 2 : 0
}

function isUpperCase(text: string, at: number): boolean {
  const c = text[at] as string
  return c !== c.toLowerCase()
}

function isLetter(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a
  return String.fromCharCode(code).toLowerCase() !== String.fromCharCode(code).toUpperCase()
}

/** Longest run without a space handed to wink as it is. */
const MAX_RUN = 64
const RUN_PIECE = new RegExp(`(\\S{${MAX_RUN}})\\S`, 'g')
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'g')

/**
 * The text as wink reads it: the same length and offsets, but with a space put
 * in every MAX_RUN characters of a run that has none. wink-nlp's tokenizer is
 * quadratic in the length of such a run ("xxxx…", a base64 blob, "????…",
 * "a-a-a-…"); no word in news is that long, so nothing real is split.
 */
export function winkView(text: string): string {
  if (!hasLongRun(text)) return text
  return text.replace(LONG_RUN, (run) => run.replace(RUN_PIECE, '$1 '))
}

/**
 * Whether any run of non-space characters is longer than MAX_RUN: one pass
 * over the character codes, much cheaper than a regular expression that
 * restarts at every character (most texts have no such run).
 */
function hasLongRun(text: string): boolean {
  let run = 0
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) run = 0
    else if (++run > MAX_RUN) return true
  }
  return false
}

/** What \s matches: ASCII and Unicode spaces, line breaks, the BOM. */
export function isSpace(code: number): boolean {
  if (code > 0x20 && code < 0x7f) return false
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** A sentence never crosses a paragraph break: cut any range that does. */
export function splitAtParagraphs(
  ranges: readonly SentenceRange[],
  tokens: readonly Token[],
  paragraphs: readonly Paragraph[],
): SentenceRange[] {
  if (paragraphs.length <= 1) return [...ranges]
  const out: SentenceRange[] = []
  let paragraph = 0
  for (const range of ranges) {
    let from = range.from
    for (let i = range.from; i <= range.to; i++) {
      const token = tokens[i] as Token
      while (
        paragraph < paragraphs.length - 1 &&
        token.start >= (paragraphs[paragraph] as Paragraph).end
      )
        paragraph++
      const next = tokens[i + 1]
      const current = paragraphs[paragraph] as Paragraph
      if (i < range.to && next && next.start >= current.end) {
        out.push({ from, to: i, by: 'text/paragraph-break' })
        from = i + 1
      }
    }
    out.push({ from, to: range.to, by: from === range.from ? range.by : 'text/paragraph-break' })
  }
  return out
}
