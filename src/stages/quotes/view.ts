import type { Doc, Span, Token } from '../../core/record.js'
import type { TokenView } from './types.js'

// The part-of-speech tags as string constants. Tags read from the tagger's output are
// strings built at run time: every \`pos === 'VERB'\` on them compares characters, and the
// rules make such comparisons many times per token. One mapping per token turns them into
// constants, which compare by identity. The mapping reads a character or two and confirms
// with one short comparison (a Map lookup would hash every tag).
export function constantTag(pos: string): string {
  const c0 = pos.charCodeAt(0)
  let tag: string
  switch (pos.length) {
    case 1:
      tag = 'X'
      break
    case 3:
      if (c0 === 65) {
        const c2 = pos.charCodeAt(2)
        tag = c2 === 74 ? 'ADJ' : c2 === 80 ? 'ADP' : c2 === 86 ? 'ADV' : 'AUX'
      } else tag = c0 === 68 ? 'DET' : c0 === 78 ? 'NUM' : 'SYM'
      break
    case 4:
      tag =
        c0 === 73
          ? 'INTJ'
          : c0 === 78
            ? 'NOUN'
            : c0 === 86
              ? 'VERB'
              : pos.charCodeAt(1) === 65
                ? 'PART'
                : 'PRON'
      break
    case 5: {
      const c1 = pos.charCodeAt(1)
      tag =
        c0 === 67
          ? 'CCONJ'
          : c0 === 80
            ? c1 === 82
              ? 'PROPN'
              : 'PUNCT'
            : c1 === 67
              ? 'SCONJ'
              : 'SPACE'
      break
    }
    default:
      return pos
  }
  // Any other string of those lengths is kept as it is.
  return tag === pos ? tag : pos
}

/**
 * The tokens' tags as constants, in one array (not a copy of every token: one allocation
 * per doc instead of one per token).
 */
function constantTags(tokens: readonly Token[]): string[] {
  const out: string[] = tokens.length < 50_000 ? new Array<string>(tokens.length) : []
  for (let i = 0; i < tokens.length; i++) {
    out[i] = constantTag(tokens[i]!.pos)
  }
  return out
}

/** Tags the tagger gives to words that are also names ("Lynch said", "Hope Hicks", "Rice"). */
const MISREAD_NAME_TAGS: ReadonlySet<string> = new Set(['VERB', 'ADJ', 'NOUN', 'ADV'])

/**
 * A capitalised word inside a name the entities stage found is a proper noun, whatever the
 * tagger said: "Lynch said …" (tagged VERB) must read as a subject before its cue like any
 * other name. The phrase rules read tags, so the fix is made in the view's tags.
 */
function namesAsProperNouns(doc: Doc, tokens: readonly Token[], pos: string[]): void {
  const mentions = doc.layers.mentions ?? []
  let t = 0
  for (const mention of mentions) {
    if (mention.kind !== 'name' || mention.confidence < 0.5) continue
    while (t > 0 && tokens[t - 1]!.end > mention.start) t--
    while (t < tokens.length && tokens[t]!.end <= mention.start) t++
    for (let i = t; i < tokens.length && tokens[i]!.start < mention.end; i++) {
      if (!MISREAD_NAME_TAGS.has(pos[i]!)) continue
      const c = doc.text[tokens[i]!.start] ?? ''
      if (c !== c.toLowerCase()) pos[i] = 'PROPN'
    }
  }
}

/** Index the doc's tokens once: lower-case forms, sentence and paragraph of every token. */
export function buildView(doc: Doc): TokenView {
  const tokens = doc.layers.tokens ?? []
  const pos = constantTags(tokens)
  namesAsProperNouns(doc, tokens, pos)
  const sentences = doc.layers.sentences ?? []
  const paragraphs = doc.layers.paragraphs ?? []
  const lower = lowerForms(doc.text, tokens)
  // One buffer for every per-token number the stage keeps (each typed array of its own
  // costs an allocation outside the heap): sentence, paragraph, cue memo slots, and
  // two flags.
  const n = tokens.length
  const buffer = new Int32Array(5 * n)
  const sentenceOf = buffer.subarray(0, n).fill(-1)
  const paragraphOf = buffer.subarray(n, 2 * n)
  const sentenceTokens: [number, number][] = []
  let t = 0
  sentences.forEach((sentence, index) => {
    while (t < tokens.length && tokens[t]!.end <= sentence.start) t++
    const first = t
    while (t < tokens.length && tokens[t]!.start < sentence.end) sentenceOf[t++] = index
    sentenceTokens.push([first, Math.max(first, t - 1)])
  })
  // Tokens outside every sentence (rare) join the previous sentence so lookups never fail.
  for (let i = 0; i < tokens.length; i++) {
    if (sentenceOf[i] === -1) sentenceOf[i] = i > 0 ? sentenceOf[i - 1]! : 0
  }
  let p = 0
  for (let i = 0; i < tokens.length; i++) {
    while (p + 1 < paragraphs.length && tokens[i]!.start >= paragraphs[p + 1]!.start) p++
    paragraphOf[i] = p
  }
  if (sentenceTokens.length === 0 && tokens.length > 0) sentenceTokens.push([0, tokens.length - 1])
  const pieces = cutLongSentences(sentenceTokens, sentenceOf)
  return {
    text: doc.text,
    tokens,
    pos,
    lower,
    sentenceOf,
    sentenceTokens: pieces,
    paragraphOf,
    cueMemo: { slots: buffer.subarray(2 * n, 3 * n), found: [] },
    inMarks: buffer.subarray(3 * n, 4 * n),
    usedCues: buffer.subarray(4 * n, 5 * n),
  }
}

/**
 * Longest sentence the rules see, in tokens. News sentences stay far below it (the longest
 * in the gold and PolNeAR sets has about 100); a longer run (a table, a list, text without
 * full stops) is read in pieces of this length, so that work per cue, which may look over
 * its whole sentence, stays bounded and a document's cost linear.
 */
export const MAX_SENTENCE_TOKENS = 200

function cutLongSentences(
  sentences: [number, number][],
  sentenceOf: Int32Array,
): [number, number][] {
  if (sentences.every(([first, last]) => last - first < MAX_SENTENCE_TOKENS)) return sentences
  const pieces: [number, number][] = []
  const firstPiece = new Int32Array(sentences.length)
  sentences.forEach(([first, last], index) => {
    firstPiece[index] = pieces.length
    for (let from = first; ; from += MAX_SENTENCE_TOKENS) {
      const to = Math.min(last, from + MAX_SENTENCE_TOKENS - 1)
      pieces.push([from, to])
      if (to >= last) break
    }
  })
  for (let i = 0; i < sentenceOf.length; i++) {
    const index = sentenceOf[i]!
    const [first] = sentences[index]!
    const piece = firstPiece[index]! + Math.floor(Math.max(0, i - first) / MAX_SENTENCE_TOKENS)
    sentenceOf[i] = Math.min(
      piece,
      index + 1 < sentences.length ? firstPiece[index + 1]! - 1 : pieces.length - 1,
    )
  }
  return pieces
}

/**
 * Lower-case form of every token. The text is lower-cased once and sliced, which
 * allocates one string per token instead of two; texts where that could differ from
 * lower-casing each token (a length change such as 'İ', the context rule of final 'Σ')
 * take the per-token path.
 */
export function lowerForms(
  text: string,
  tokens: readonly { start: number; end: number }[],
): string[] {
  const lowered = text.toLowerCase()
  // Preallocated for an article; pushed for a long document, where `new Array(n)` would be a
  // slow dictionary.
  const n = tokens.length
  const out: string[] = n < 50_000 ? new Array<string>(n) : []
  if (lowered.length === text.length && !text.includes('\u03a3')) {
    for (let i = 0; i < n; i++) out[i] = lowered.slice(tokens[i]!.start, tokens[i]!.end)
  } else {
    for (let i = 0; i < n; i++) out[i] = text.slice(tokens[i]!.start, tokens[i]!.end).toLowerCase()
  }
  return out
}

/** Index of the first token that ends after `offset` (binary search). */
export function tokenAt(view: TokenView, offset: number): number {
  let lo = 0
  let hi = view.tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (view.tokens[mid]!.end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The span from the start of token `first` to the end of token `last`. */
export function tokenSpan(view: TokenView, first: number, last: number): Span {
  return { start: view.tokens[first]!.start, end: view.tokens[last]!.end }
}

export function isPunct(view: TokenView, i: number, chars: string): boolean {
  const lower = view.lower[i]
  return lower !== undefined && lower.length === 1 && chars.includes(lower)
}

/** Quotation marks of any style, as single characters. */
export const QUOTE_CHARS = '"“”„«»‘’\'‚‹›'

export function isQuoteMark(view: TokenView, i: number): boolean {
  return isPunct(view, i, QUOTE_CHARS) || view.lower[i] === "''"
}
