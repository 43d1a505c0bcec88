import type { Doc, Token } from '../../core/record.js'
import { wordFilter } from './lexicon.js'
import { WordCache } from './words.js'
import type { FormKind, SentenceView, TriggerEntry, TriggerHit } from './types.js'

/** Words that end a clause for the gap of a pattern and for cue scopes. */
export const CLAUSE_BREAK = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')'])

/** Lower-case words that stand for a token; curly apostrophes folded so "n’t" reads "n't". */
function wordOf(text: string): string {
  const lower = text.toLowerCase()
  // Most tokens hold no curly quote: skip the regex for them.
  return lower.includes('’') || lower.includes('‘') ? lower.replace(/[’‘]/g, "'") : lower
}

/**
 * The doc's text lower-cased when that keeps every character in place (one native pass instead of
 * a lower-casing per token); null when it would not ("İ" grows to two characters; a final sigma
 * depends on what follows). Curly apostrophes stay: the word tables read them as straight ones
 * (words.ts), which spares a replace over the whole text.
 */
export function foldedText(text: string): string | null {
  if (text.includes('Σ')) return null
  const lower = text.toLowerCase()
  if (lower.length !== text.length) return null
  return lower
}

/** A sentence view whose surface forms are sliced only when asked for (sentences with triggers). */
class View implements SentenceView {
  memo: SentenceView['memo'] = {
    cues: null,
    table: null,
    reports: null,
    habits: null,
    spots: null,
  }
  private sliced: string[] | null = null
  constructor(
    readonly index: number,
    readonly paragraph: number,
    readonly start: number,
    readonly end: number,
    readonly offset: number,
    readonly tokens: readonly Token[],
    readonly words: readonly string[],
    private readonly text: string,
    /** Word ids of the doc's tokens (index by `offset + i`); -1 outside the vocabulary. */
    readonly ids?: Int32Array,
    /** Word flags of the doc's tokens (index by `offset + i`; bits in words.ts). */
    readonly flags?: Uint8Array,
  ) {}

  get surface(): readonly string[] {
    this.sliced ??= this.tokens.map((tok) => this.text.slice(tok.start, tok.end))
    return this.sliced
  }

  firstCode(i: number): number {
    const tok = this.tokens[i]
    return tok === undefined || tok.end <= tok.start ? NaN : this.text.charCodeAt(tok.start)
  }
}

/** Each sentence with its tokens and lower-case words, in one pass over the tokens. */
export function sentenceViews(doc: Doc): SentenceView[] {
  const tokens = doc.layers.tokens ?? []
  const views: SentenceView[] = []
  const folded = foldedText(doc.text)
  let t = 0
  ;(doc.layers.sentences ?? []).forEach((sentence, index) => {
    while (t < tokens.length && (tokens[t] as Token).start < sentence.start) t++
    const offset = t
    while (t < tokens.length && (tokens[t] as Token).end <= sentence.end) t++
    views.push(makeView(doc, folded, index, sentence, offset, t))
  })
  return views
}

/** The view of one sentence: tokens [offset, end) of the doc. */
export function makeView(
  doc: Doc,
  folded: string | null,
  index: number,
  sentence: { paragraph: number; start: number; end: number },
  offset: number,
  end: number,
  ids?: Int32Array,
  cache?: WordCache,
): SentenceView {
  // One allocation each for the sentence's tokens and words.
  const all = doc.layers.tokens ?? []
  const own = all.slice(offset, end)
  let words: string[]
  let flags: Uint8Array | undefined
  if (cache === undefined) words = own.map((tok) => wordAt(doc.text, folded, tok))
  else {
    // The lexicon's own cache: each word comes with its flags, read in the same probe.
    flags = flagBuffer(all.length)
    words = new Array<string>(own.length)
    for (let i = 0; i < own.length; i++) {
      const tok = own[i]!
      if (folded === null) {
        const word = wordOf(doc.text.slice(tok.start, tok.end))
        words[i] = word
        flags[offset + i] = cache.flagOf(word)
      } else {
        words[i] = cache.at(folded, tok.start, tok.end)
        flags[offset + i] = cache.flag
      }
    }
  }
  return new View(
    index,
    sentence.paragraph,
    sentence.start,
    sentence.end,
    offset,
    own,
    words,
    doc.text,
    ids,
    flags,
  )
}

/** Shared across docs like the id buffer: flags are written for a sentence before it is read. */
let flagsOf = new Uint8Array(8192)

function flagBuffer(length: number): Uint8Array {
  if (flagsOf.length < length) flagsOf = new Uint8Array(length * 2)
  return flagsOf
}

/** Words shared across docs (bounded): a repeated word is one string, not a slice per token. */
const kept = new WordCache()

function wordAt(text: string, folded: string | null, tok: Token): string {
  return folded === null
    ? wordOf(text.slice(tok.start, tok.end))
    : kept.at(folded, tok.start, tok.end)
}

/** Shared across docs (the stage runs one doc at a time): most docs need no new buffer. */
let ids = new Int32Array(8192)

/** A buffer for the vocabulary ids of `length` tokens, reused by the next doc. */
export function idBuffer(length: number): Int32Array {
  if (ids.length < length) ids = new Int32Array(length * 2)
  return ids
}

/** The vocabulary id of a token (-1 outside it), read from the folded text without slicing. */
export function wordId(
  text: string,
  folded: string | null,
  tok: Token,
  table: { at(text: string, start: number, end: number): number; get(word: string): number },
): number {
  return folded === null
    ? table.get(wordOf(text.slice(tok.start, tok.end)))
    : table.at(folded, tok.start, tok.end)
}

const VERB_POS = new Set(['VERB', 'AUX'])
const NOUN_POS = new Set(['NOUN', 'PROPN', 'X', 'NUM'])

/** Whether the tagger's part of speech allows the entry's reading of the head word. */
function posFits(entry: TriggerEntry, token: Token, form: FormKind): boolean {
  if (entry.pos === 'V') {
    if (VERB_POS.has(token.pos)) return true
    // Participles are often tagged as adjectives ("the shelled city"); -ing forms as nouns; and
    // a verb the tagger does not know ("abducted") as a noun or a name: no noun ends that way.
    if (form === 'ed') return token.pos === 'ADJ' || token.pos === 'NOUN' || token.pos === 'PROPN'
    return form === 'ing' && token.pos === 'NOUN'
  }
  if (entry.pos === 'N') return NOUN_POS.has(token.pos) || token.pos === 'ADJ'
  return true
}

/** Try to match an entry at word i; returns the index past the match, or -1. */
function matchAt(
  entry: TriggerEntry,
  view: SentenceView,
  i: number,
  maxGap: number,
): { end: number; head: number } | -1 {
  let w = i
  let head = -1
  for (let s = 0; s < entry.slots.length; s++) {
    const slot = entry.slots[s]!
    if (slot.kind === 'gap') {
      const next = entry.slots[s + 1]
      if (!next || next.kind !== 'words') return -1
      let found = -1
      for (let k = w; k <= w + maxGap && k < view.words.length; k++) {
        const word = view.words[k] as string
        if (next.words.has(word)) {
          found = k
          break
        }
        if (CLAUSE_BREAK.has(word)) break
      }
      if (found < 0) return -1
      w = found
      continue
    }
    if (!slot.words.has(view.words[w] ?? '')) return -1
    if (s === entry.head) head = w
    w++
  }
  return { end: w, head }
}

/**
 * Trigger words and phrases of one sentence, longest match first at each position; a match
 * consumes its head word so "hunger strike" is not also a "strike".
 */
export function findTriggers(
  view: SentenceView,
  index: ReadonlyMap<string, readonly TriggerEntry[]>,
  maxGap = 5,
  byId?: readonly (readonly TriggerEntry[] | undefined)[],
): TriggerHit[] {
  const hits: TriggerHit[] = []
  // Most sentences hold no trigger: the set is made at the first.
  let usedHeads: Set<number> | null = null
  const filter = wordFilter(index)
  const ids = view.ids
  for (let i = 0; i < view.words.length; i++) {
    const word = view.words[i] as string
    // With word ids, a word outside the vocabulary starts no trigger (no filter, no hash), and
    // the entries of one inside it are one array read.
    const id = ids !== undefined && byId !== undefined ? (ids[view.offset + i] as number) : -2
    if (id === -1 || (id === -2 && !filter.has(word))) continue
    const entries = id >= 0 ? byId![id] : index.get(word)
    if (!entries) continue
    let best: TriggerHit | null = null
    for (const entry of entries) {
      const m = matchAt(entry, view, i, maxGap)
      if (m === -1 || (usedHeads !== null && (usedHeads.has(m.head) || usedHeads.has(i)))) continue
      const headToken = view.tokens[m.head] as Token
      const form = entry.forms.get(view.words[m.head] as string) ?? 'noun'
      if (!posFits(entry, headToken, form)) continue
      const span = m.end - i
      if (best && span <= best.last - best.first) continue
      best = {
        entry,
        first: view.offset + i,
        last: view.offset + m.end,
        headToken: view.offset + m.head,
        form,
        start: (view.tokens[i] as Token).start,
        end: (view.tokens[m.end - 1] as Token).end,
      }
    }
    if (best) {
      hits.push(best)
      usedHeads ??= new Set<number>()
      usedHeads.add(best.headToken - view.offset)
      // "lodged a protest": the words a gap pattern names are its own, not new triggers.
      usedHeads.add(best.last - view.offset - 1)
      // A multi-word trigger swallows its inner words; a gap pattern does not (the gap may hold one).
      if (!best.entry.slots.some((s) => s.kind === 'gap')) i = best.last - view.offset - 1
    }
  }
  if (hits.length < 2) return hits
  return hits.filter((h, k) => !hits.some((o, j) => j !== k && covers(o, h)))
}

/** Whether hit o strictly contains hit h (the longer phrase wins: "drone strike" over "strike"). */
function covers(o: TriggerHit, h: TriggerHit): boolean {
  return (
    o.start <= h.start &&
    o.end >= h.end &&
    o.end - o.start > h.end - h.start &&
    o.headToken === h.headToken
  )
}
