/**
 * A bounded cross-article memo: two generations of at most `limit` entries. A hit in
 * the old generation moves to the current one; when the current one is full it becomes
 * the old one, so a long batch never drops every answer at once (as clearing a full Map
 * did). The bound is not small on purpose: on a corpus of distinct articles the names
 * asked outnumber 4k, and with two generations of 4k the stage ran 1.5x slower (folds,
 * keys and gazetteer queries recomputed), more than the CPU-cache gain of a small memo.
 */
export class Memo<V> {
  private current = new Map<string, V>()
  private old = new Map<string, V>()
  constructor(private readonly limit = 25_000) {}

  get(key: string): V | undefined {
    const found = this.current.get(key)
    if (found !== undefined) return found
    const aged = this.old.get(key)
    // The key asked may be a slice of an article: keep a copy.
    if (aged !== undefined) this.set(key.length < 13 ? key : (' ' + key).slice(1), aged)
    return aged
  }

  /** Keys must be copies (see `detached`), never slices of an article. */
  set(key: string, value: V): void {
    if (this.current.size >= this.limit) {
      this.old = this.current
      this.current = new Map()
    }
    this.current.set(key, value)
  }
}
