/** Add per-doc counts up into a set's figures (micro-averaged), and score story clusters. */
import type { GoldLayer } from '../core/gold.js'
import type {
  Counts,
  DocScore,
  Prf,
  Ratio,
  SetFigures,
  Share,
  StoryFigures,
  StoryItem,
} from './types.js'

/**
 * Precision, recall and F1 from counts. With nothing predicted, precision is 0
 * (and 1 only when there was nothing to find either); likewise for recall.
 */
export function prf(c: Counts): Prf {
  const precision = c.pred === 0 ? (c.gold === 0 ? 1 : 0) : c.tp / c.pred
  const recall = c.gold === 0 ? (c.pred === 0 ? 1 : 0) : c.tp / c.gold
  return { precision, recall, f1: f1(precision, recall), tp: c.tp, pred: c.pred, gold: c.gold }
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}

export function share(r: Ratio): Share {
  return { value: r.total === 0 ? null : r.hit / r.total, hit: r.hit, total: r.total }
}

const addCounts = (into: Counts, c: Counts) => {
  into.tp += c.tp
  into.pred += c.pred
  into.gold += c.gold
}
const addRatio = (into: Ratio, r: Ratio) => {
  into.hit += r.hit
  into.total += r.total
}
const zero = (): Counts => ({ tp: 0, pred: 0, gold: 0 })
const none = (): Ratio => ({ hit: 0, total: 0 })

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The figures of a set: each layer over the docs that annotate it. */
export function aggregate(docs: readonly DocScore[]): SetFigures {
  const scored: Partial<Record<GoldLayer, number>> = {}
  for (const d of docs) for (const l of d.layers) scored[l] = (scored[l] ?? 0) + 1
  const having = (l: GoldLayer) => docs.filter((d) => d.layers.includes(l))
  const figures: SetFigures = { docs: docs.length, scored }

  if (scored.entities) {
    const micro = zero()
    const byType: Record<string, Counts> = {}
    for (const d of having('entities')) {
      addCounts(micro, d.counts.entities.micro)
      for (const [type, c] of Object.entries(d.counts.entities.byType)) {
        addCounts((byType[type] ??= zero()), c)
      }
    }
    figures.entities = {
      micro: prf(micro),
      byType: Object.fromEntries(
        Object.entries(byType)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([t, c]) => [t, prf(c)]),
      ),
    }
  }
  if (scored.quotes) {
    const span = zero()
    const endToEnd = zero()
    const attribution = none()
    const entityCaused = none()
    for (const d of having('quotes')) {
      const q = d.counts.quotes
      addCounts(span, q.span)
      addCounts(endToEnd, q.endToEnd)
      addRatio(attribution, q.attribution)
      addRatio(entityCaused, q.entityCaused)
    }
    figures.quotes = {
      span: prf(span),
      attribution: share(attribution),
      endToEnd: prf(endToEnd),
      entityCaused: share(entityCaused),
    }
  }
  if (scored.claims) {
    const match = zero()
    const stance = none()
    for (const d of having('claims')) {
      addCounts(match, d.counts.claims.match)
      addRatio(stance, d.counts.claims.stance)
    }
    figures.claims = { match: prf(match), stance: share(stance) }
  }
  if (scored.places) {
    const match = zero()
    const [tol, lenient, metonym, falseMetonym] = [none(), none(), none(), none()]
    const errorsKm: number[] = []
    for (const d of having('places')) {
      const p = d.counts.places
      addCounts(match, p.match)
      addRatio(tol, p.withinTolerance)
      addRatio(lenient, p.within161)
      addRatio(metonym, p.metonym)
      addRatio(falseMetonym, p.falseMetonym)
      errorsKm.push(...p.errorsKm)
    }
    figures.places = {
      match: prf(match),
      withinTolerance: share(tol),
      within161: share(lenient),
      medianErrorKm: median(errorsKm),
      metonym: share(metonym),
      falseMetonym: share(falseMetonym),
    }
  }
  if (scored.events) {
    const match = zero()
    const [mode, actors, counts, exactDate, type] = [none(), none(), none(), none(), none()]
    const stories: StoryItem[] = []
    for (const d of having('events')) {
      const e = d.counts.events
      addCounts(match, e.match)
      addRatio(mode, e.mode)
      addRatio(actors, e.actors)
      addRatio(counts, e.counts)
      addRatio(exactDate, e.exactDate)
      addRatio(type, e.type)
      stories.push(...d.stories)
    }
    figures.events = {
      match: prf(match),
      mode: share(mode),
      actors: share(actors),
      counts: share(counts),
      exactDate: share(exactDate),
      type: share(type),
    }
    if (stories.length > 0) figures.stories = scoreStories(stories)
  }
  return figures
}

/**
 * Pairwise and BCubed precision/recall/F1 of the system's story clusters against
 * the gold keys, over the gold events that carry a key. A gold event that the
 * system missed, or whose match has no key, is a cluster of its own.
 */
export function scoreStories(items: readonly StoryItem[]): StoryFigures {
  const systemKey = (item: StoryItem, i: number) =>
    item.system === null ? `\u0000single-${i}` : `key:${item.system}`
  const goldSize = new Map<string, number>()
  const systemSize = new Map<string, number>()
  const cellSize = new Map<string, number>()
  const keys = items.map((item, i) => {
    const s = systemKey(item, i)
    const cell = `${item.gold}\u0001${s}`
    goldSize.set(item.gold, (goldSize.get(item.gold) ?? 0) + 1)
    systemSize.set(s, (systemSize.get(s) ?? 0) + 1)
    cellSize.set(cell, (cellSize.get(cell) ?? 0) + 1)
    return { gold: item.gold, system: s, cell }
  })
  const pairs = (n: number) => (n * (n - 1)) / 2
  const sum = (m: Map<string, number>) => [...m.values()].reduce((t, n) => t + pairs(n), 0)
  const tp = sum(cellSize)
  const pairwise = prf({ tp, pred: sum(systemSize), gold: sum(goldSize) })

  let bp = 0
  let br = 0
  for (const k of keys) {
    const cell = cellSize.get(k.cell)!
    bp += cell / systemSize.get(k.system)!
    br += cell / goldSize.get(k.gold)!
  }
  const n = items.length
  const bcubedP = n ? bp / n : 0
  const bcubedR = n ? br / n : 0
  return {
    items: n,
    goldStories: goldSize.size,
    systemStories: systemSize.size,
    pairwise: { precision: pairwise.precision, recall: pairwise.recall, f1: pairwise.f1 },
    bcubed: { precision: bcubedP, recall: bcubedR, f1: f1(bcubedP, bcubedR) },
  }
}
