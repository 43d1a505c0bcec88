/**
 * Text features shared by reprints, stories and claims: content words, shingles,
 * MinHash signatures. Pure functions; tuned for speed (one pass, no per-token regex).
 */
import { createHash } from 'node:crypto'

/** Function words that say nothing about which event or claim a text is about. */
const STOPWORDS = new Set(
  (
    'a an the and or but if of in on at to for from by with without about as into onto over under ' +
    'after before during since until than then that this these those there here it its is are was ' +
    'were be been being has have had having do does did not no nor so such very can could may might ' +
    'will would shall should must also just only more most less least some any all each every both ' +
    'either neither other another which who whom whose what when where why how he she they them their ' +
    'his her him we us our you your i me my mine said says say saying told tells according reported ' +
    'reports report reporting added adding stated statement while whilst though although because ' +
    'amid among between through across against up down out off again further once per via near ' +
    'new one two three four five six seven eight nine ten first second last year years day days ' +
    'week weeks month months monday tuesday wednesday thursday friday saturday sunday today ' +
    'yesterday tonight overnight morning evening night earlier later'
  ).split(' '),
)

/** Lower-cased word tokens (letters and digits; apostrophes and hyphens split). */
export function words(text: string): string[] {
  const out: string[] = []
  let start = -1
  const lower = text.toLowerCase()
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32
    const isWord =
      (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && isLetter(code))
    if (isWord) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out.push(lower.slice(start, i))
      start = -1
    }
  }
  return out
}

function isLetter(code: number): boolean {
  const ch = String.fromCharCode(code)
  return ch.toLowerCase() !== ch.toUpperCase()
}

/** A crude stem: enough to make "strikes"/"struck"-free plurals and -ing forms meet. */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return word.slice(0, -3) + 'y'
  if (word.length > 4 && word.endsWith('ing')) return word.slice(0, -3)
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2)
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/**
 * Words news reports use interchangeably for the same fact, folded to one term so
 * that paraphrases meet ("death toll rose" / "killing"; "struck" / "attack").
 */
const SYNONYM_GROUPS = [
  'kill killed killing kills dead death deaths died die dies toll fatalities fatality lives',
  'injur injured injuring injures injury injuries wounded wounding wounds hurt',
  'strike strikes struck striking hit hits hitting attack attacks attacked attacking shelled shelling bombed',
  'missile missiles rocket rockets',
  'capture captured capturing captures seized seize took taken',
  'detain detained detaining detains arrested arrest arrests detention',
  'protest protests protested protesting protesters demonstrators demonstration rally rallied march marched',
  'civilian civilians residents people',
]
/** word → the first word of its group */
const SYNONYMS = new Map<string, string>(
  SYNONYM_GROUPS.flatMap((group) => {
    const [head, ...rest] = group.split(' ')
    return [head!, ...rest].map((word): [string, string] => [word, head!])
  }),
)

/** Distinct stemmed content words (no stopwords, no 1-letter words), synonyms folded. */
export function contentTerms(text: string): string[] {
  const seen = new Set<string>()
  for (const word of words(text)) {
    if (word.length < 2 || STOPWORDS.has(word)) continue
    seen.add(SYNONYMS.get(word) ?? stem(word))
  }
  return [...seen]
}

/** Jaccard similarity of two term sets. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const setB = new Set(b)
  let shared = 0
  for (const term of new Set(a)) if (setB.has(term)) shared++
  return shared / (new Set(a).size + setB.size - shared)
}

/** Share of the smaller set found in the larger one (robust to one text being longer). */
export function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const [small, large] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)]
  let shared = 0
  for (const term of small) if (large.has(term)) shared++
  return shared / small.length
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

// ------------------------------------------------------------------ MinHash

export const MINHASH_SIZE = 64
/** 32 bands of 2 rows: a pair at Jaccard 0.5 shares a band with probability ~1. */
export const LSH_BANDS = 32
const ROWS = MINHASH_SIZE / LSH_BANDS
const SHINGLE_WORDS = 4

/** Fixed odd multipliers and offsets for the 64 hash permutations (deterministic). */
const PERMUTATIONS = (() => {
  const a = new Uint32Array(MINHASH_SIZE)
  const b = new Uint32Array(MINHASH_SIZE)
  let seed = 0x9e3779b9
  for (let i = 0; i < MINHASH_SIZE; i++) {
    seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) >>> 0
    a[i] = (seed | 1) >>> 0
    seed = Math.imul(seed ^ (seed >>> 12), 0x297a2d39) >>> 0
    b[i] = seed
  }
  return { a, b }
})()

/** FNV-1a over a string, 32 bits. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** Hashes of the overlapping word 4-grams of a text. */
export function shingleHashes(text: string): Uint32Array {
  const tokens = words(text)
  const count = Math.max(0, tokens.length - SHINGLE_WORDS + 1)
  const hashes = new Uint32Array(count || (tokens.length ? 1 : 0))
  if (count === 0 && tokens.length) hashes[0] = fnv1a(tokens.join(' '))
  for (let i = 0; i < count; i++) hashes[i] = fnv1a(tokens.slice(i, i + SHINGLE_WORDS).join(' '))
  return hashes
}

/** MinHash signature (64 × 32-bit) of a text's shingles; all 0xffffffff for an empty text. */
export function minhash(text: string): number[] {
  const shingles = shingleHashes(text)
  const mins = new Uint32Array(MINHASH_SIZE).fill(0xffffffff)
  const { a, b } = PERMUTATIONS
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!
    for (let i = 0; i < MINHASH_SIZE; i++) {
      // Multiply-xorshift universal hash; >>> 0 keeps it unsigned.
      let h = (Math.imul(x, a[i]!) + b[i]!) >>> 0
      h = (h ^ (h >>> 16)) >>> 0
      if (h < mins[i]!) mins[i] = h
    }
  }
  return Array.from(mins)
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++
  return same / a.length
}

/** LSH band keys of a signature (band × 2^32 + hash, exact in a double); empty texts have none. */
export function bandKeys(signature: readonly number[]): number[] {
  if (signature.every((v) => v === 0xffffffff)) return []
  const keys: number[] = []
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = 0x811c9dc5 ^ band
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ signature[band * ROWS + r]!, 0x01000193)
    keys.push(band * 0x1_0000_0000 + (h >>> 0))
  }
  return keys
}
