/**
 * A closed vocabulary (the words that can start an events rule: trigger first words and count
 * words) with an integer id per word, read straight from the characters of the lower-cased text.
 * A token is a few character reads against a 2 KB bitmap, and only when that passes one hash
 * over its characters and a probe of a typed array: no substring, no string hashing, no Map
 * look-up per token. The same design as the claims stage's table (stages may not share code).
 */
export class WordTable {
  private readonly ids = new Map<string, number>()
  readonly words: string[] = []
  private slots = new Int32Array(0)
  private mask = 0
  private longest = 0
  /** Bit per (length, first letter, last letter) class of the vocabulary's words. */
  private readonly shapes = new Uint8Array(2048)

  /** The id of a word, added when new (compile time only); curly apostrophes read as straight. */
  add(word: string): number {
    word = straight(word)
    let id = this.ids.get(word)
    if (id === undefined) {
      id = this.words.length
      this.words.push(word)
      this.ids.set(word, id)
    }
    return id
  }

  /** The id of a whole string (-1: not in the vocabulary). */
  get(word: string): number {
    return this.ids.get(straight(word)) ?? -1
  }

  /** Build the probe table; call once after the last `add`. */
  freeze(): void {
    let size = 16
    while (size < this.words.length * 4) size *= 2
    this.slots = new Int32Array(size)
    this.mask = size - 1
    this.shapes.fill(0)
    for (let id = 0; id < this.words.length; id++) {
      const word = this.words[id]!
      if (word.length === 0) continue
      this.longest = Math.max(this.longest, word.length)
      const shape = shapeOf(word, 0, word.length)
      this.shapes[shape >> 3]! |= 1 << (shape & 7)
      let slot = hashOf(word, 0, word.length) & this.mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask
      this.slots[slot] = id + 1
    }
  }

  /** The id of `lowered[start, end)`, or -1. */
  at(lowered: string, start: number, end: number): number {
    const length = end - start
    if (length > this.longest || length <= 0) return -1
    const shape = shapeOf(lowered, start, end)
    if ((this.shapes[shape >> 3]! & (1 << (shape & 7))) === 0) return -1
    let slot = hashOf(lowered, start, end) & this.mask
    for (;;) {
      const entry = this.slots[slot]!
      if (entry === 0) return -1
      const word = this.words[entry - 1]!
      if (word.length === length && sameAt(lowered, start, word)) return entry - 1
      slot = (slot + 1) & this.mask
    }
  }
}

/**
 * The character code at k, a curly apostrophe read as a straight one: "n’t" is the word "n't".
 * Folding here, not in the text, spares a replace over every doc's text.
 */
function codeAt(text: string, k: number): number {
  const c = text.charCodeAt(k)
  return c === 0x2019 || c === 0x2018 ? 39 : c
}

/** A word with its curly apostrophes made straight (a slice holds one rarely). */
function straight(word: string): string {
  return word.includes('’') || word.includes('‘') ? word.replace(/[’‘]/g, "'") : word
}

/** Whether `word` (straight apostrophes) is written at `start` of `text` (curly ones read straight). */
function sameAt(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++)
    if (codeAt(text, start + k) !== word.charCodeAt(k)) return false
  return true
}

/** 14 bits: length (capped at 15), and the low five bits of the first and last characters. */
function shapeOf(text: string, start: number, end: number): number {
  const length = end - start
  return (
    ((length > 15 ? 15 : length) << 10) |
    ((codeAt(text, start) & 31) << 5) |
    (codeAt(text, end - 1) & 31)
  )
}

/** FNV-1a over UTF-16 code units (curly apostrophes read straight). */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let k = start; k < end; k++) {
    h ^= codeAt(text, k)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/**
 * One string per distinct word, kept across docs: "the", "of" and "," are sliced once, not once
 * per token, and a Set or Map look-up of a kept string reuses the hash stored in it. Bounded: it
 * starts afresh when full, so it never holds more than `limit` words. With a classifier, each kept
 * word also keeps its flags (`classify(word)`, computed once per kept word), read back as `flag`
 * after every `at`: the per-sentence passes test a bit instead of hashing the word again.
 */
export class WordCache {
  private readonly slots: Int32Array
  private readonly mask: number
  private strings: string[] = []
  private readonly flags: Uint8Array
  /** The flags of the word the last `at` returned (0 without a classifier). */
  flag = 0

  constructor(
    private readonly limit = 4096,
    private readonly classify: ((word: string) => number) | null = null,
  ) {
    let size = 16
    while (size < limit * 2) size *= 2
    this.slots = new Int32Array(size)
    this.mask = size - 1
    this.flags = new Uint8Array(classify === null ? 0 : limit)
  }

  /** The flags of a word not read through `at` (0 without a classifier). */
  flagOf(word: string): number {
    return this.classify === null ? 0 : this.classify(word)
  }

  /** `text[start, end)`, the kept string when the same characters were seen before. */
  at(text: string, start: number, end: number): string {
    const length = end - start
    let slot = hashOf(text, start, end) & this.mask
    for (;;) {
      const entry = this.slots[slot]!
      if (entry === 0) break
      const word = this.strings[entry - 1]!
      if (word.length === length && sameAt(text, start, word)) {
        if (this.classify !== null) this.flag = this.flags[entry - 1]!
        return word
      }
      slot = (slot + 1) & this.mask
    }
    const word = straight(text.slice(start, end))
    if (this.strings.length >= this.limit) {
      this.slots.fill(0)
      this.strings = []
      slot = hashOf(text, start, end) & this.mask
    }
    this.strings.push(word)
    this.slots[slot] = this.strings.length
    if (this.classify !== null) {
      this.flag = this.classify(word)
      this.flags[this.strings.length - 1] = this.flag
    }
    return word
  }
}

/**
 * Bits of a word's flags (one byte): what the per-sentence passes look words up for. A bit says
 * the word is a key of that table, so a pass reads the table only for words with the bit.
 */
export const CUE_WORD = 1
export const GROUP_WORD = 2
export const MODE_WORD = 4
export const RELATIVE_WORD = 8
export const MONTH_WORD = 16
export const DISTINCT_WORD = 32
/** A word a number may start with besides digits: a unit, scale or vague word ("seven", "dozens"). */
export const NUMBER_WORD = 64
