/**
 * Items of an async stream in groups of at most `size`, for work that is cheaper per item in a
 * batch (the pipeline's `runBatch`). A group is also let go when the stream stalls for
 * `idleMs` with items waiting, so a slow stream ("tail -f feed.jsonl | sitrep extract -")
 * still gets each record soon after its article, not after 31 more.
 */
export async function* groupsOf<T>(
  items: AsyncIterable<T>,
  size: number,
  idleMs: number,
): AsyncGenerator<T[]> {
  const iterator = items[Symbol.asyncIterator]()
  let group: T[] = []
  let pending: Promise<IteratorResult<T>> | null = null
  for (;;) {
    pending ??= iterator.next()
    const next = group.length === 0 ? await pending : await Promise.race([pending, idle(idleMs)])
    if (next === IDLE) {
      // The stream is quiet: hand over what has come; the pending read stays for later.
      yield group
      group = []
      continue
    }
    pending = null
    if (next.done) break
    group.push(next.value)
    if (group.length >= size) {
      yield group
      group = []
    }
  }
  if (group.length > 0) yield group
}

const IDLE = Symbol('idle')

function idle(ms: number): Promise<typeof IDLE> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(IDLE), ms)
    // A pending timer must not keep a finished process alive.
    timer.unref?.()
  })
}
