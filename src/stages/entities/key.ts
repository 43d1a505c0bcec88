import { Memo } from '../../core/memo.js'
import type { Compiled } from './types.js'

/**
 * Entries per generation of the stage's cross-article memos. Not small on purpose: on a
 * corpus of distinct articles the names asked outnumber 4k, and with two generations of
 * 4k the stage ran 1.5x slower (folds, keys and gazetteer queries recomputed), more than
 * the CPU-cache gain of a small memo.
 */
export const MEMO_LIMIT = 25_000

/**
 * Fold a name for comparison inside one article: NFKD without diacritics,
 * lower case, straight apostrophes, dashes to spaces, a trailing possessive and
 * surrounding punctuation dropped.
 */
export function foldName(name: string): string {
  let folded = foldMemo.get(name)
  if (folded === undefined) {
    folded = computeFold(name)
    foldMemo.set(name, folded)
  }
  return folded
}

// Names recur across articles: remembered, bounded (see Memo).
const foldMemo = new Memo<string>(MEMO_LIMIT)

function computeFold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/'s$/i, '')
    .replace(/[\u2010-\u2015-]/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' &./]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.'\s]+|[.'\s]+$/g, '')
}

/**
 * The cross-article identity key: the folded name with apostrophes and dots
 * removed and transliteration variants folded word by word, so that
 * "Zelenskyy", "Zelensky" and "Zelenskiy", or "Kiev" and "Kyiv", share a key.
 */
export function identityKey(name: string, translit: Compiled['translit']): string {
  // One table serves a whole run: skip the WeakMap while it stays the same.
  let memo = translit === lastTranslit ? lastMemo : memos.get(translit)
  if (!memo) {
    memo = new Memo(MEMO_LIMIT)
    memos.set(translit, memo)
  }
  lastTranslit = translit
  lastMemo = memo
  let key = memo.get(name)
  if (key === undefined) {
    key = computeKey(name, translit)
    memo.set(name, key)
  }
  return key
}

// Names recur across articles: remembered per table, bounded (see Memo).
const memos = new WeakMap<Compiled['translit'], Memo<string>>()
let lastTranslit: Compiled['translit'] | undefined
let lastMemo: Memo<string> | undefined

function computeKey(name: string, translit: Compiled['translit']): string {
  return foldName(name)
    .replace(/['.]/g, '')
    .split(' ')
    .map((word) => foldWord(word, translit))
    .join(' ')
}

function foldWord(word: string, translit: Compiled['translit']): string {
  const whole = translit.words.get(word)
  if (whole !== undefined) return whole
  // Short words ("ii", "ey") are left alone: the endings are for names.
  if (word.length < 5) return word
  for (const [from, to] of translit.endings) {
    if (word.endsWith(from)) return word.slice(0, word.length - from.length) + to
  }
  return word
}
