/**
 * A bounded cross-article memo: two generations of at most `limit` entries each. A hit
 * in the old generation moves to the current one; when the current one is full it
 * becomes the old one and a new one starts. So recently used keys stay (LRU-like, with
 * no per-hit reordering), memory stays flat over a long batch, and a full memo never
 * drops every answer at once (as clearing a full Map did).
 *
 * Keys are stored as copies (`detached`): a memo outlives the article, and a key sliced
 * from it would keep the article's whole text alive.
 */
export class Memo<V> {
  private current = new Map<string, V>()
  private old = new Map<string, V>()
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const found = this.current.get(key)
    if (found !== undefined) return found
    const aged = this.old.get(key)
    if (aged !== undefined) this.set(key, aged)
    return aged
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.limit) {
      this.old = this.current
      this.current = new Map()
    }
    this.current.set(detached(key), value)
  }
}

/**
 * A copy of a string that does not hold on to the text it was sliced from. V8 copies
 * slices shorter than 13 characters already; longer ones are rebuilt.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1)
}
