/**
 * Which pairs of first characters the strings of a lexicon begin with: a 2 KB bitmap
 * asked before the lexicon's Map or Set. Most capitalised words begin no title, head or
 * known name, and are then rejected without a lower-cased copy, a hash of a fresh string
 * or a probe of a large table (which, read at random, evicts the rest of the pipeline's
 * data from the CPU caches).
 */
export class StartFilter {
  private readonly bits = new Uint32Array((128 * 128) / 32)

  /**
   * @param terms the strings the filtered lookup can find (or their prefixes).
   * @param fold the lookup is asked about the lower-cased text: fold ASCII capitals first.
   */
  constructor(
    terms: Iterable<string>,
    private readonly fold: boolean,
  ) {
    for (const term of terms) {
      if (term.length < 2) continue
      const a = term.charCodeAt(0)
      const b = term.charCodeAt(1)
      if (a >= 128 || b >= 128) continue
      const key = this.keyOf(a, b)
      this.bits[key >>> 5] = (this.bits[key >>> 5] as number) | (1 << (key & 31))
    }
  }

  /**
   * False only when a string that starts with text[start], text[start + 1] (lower-cased
   * when folding) and is at least two characters long cannot be found; strings shorter than
   * two characters and characters beyond ASCII are always let through.
   */
  mayStart(text: string, start: number, end: number): boolean {
    if (end - start < 2) return true
    const a = text.charCodeAt(start)
    const b = text.charCodeAt(start + 1)
    if (a >= 128 || b >= 128) return true
    // Folding as the countries resource does turns a backtick into an apostrophe.
    if (this.fold && (a === 96 || b === 96)) return true
    const key = this.keyOf(a, b)
    return ((this.bits[key >>> 5] as number) & (1 << (key & 31))) !== 0
  }

  private keyOf(a: number, b: number): number {
    if (this.fold) {
      if (a >= 65 && a <= 90) a += 32
      if (b >= 65 && b <= 90) b += 32
    }
    return a * 128 + b
  }
}
