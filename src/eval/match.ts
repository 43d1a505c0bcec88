/** A candidate pairing of prediction `pred` with gold item `gold`, with its score. */
export interface Pair {
  pred: number
  gold: number
  score: number
}

export interface Matching {
  /** Matched pairs, best first. */
  pairs: Pair[]
  /** Gold index → predicted index. */
  goldToPred: Map<number, number>
  /** Predicted index → gold index. */
  predToGold: Map<number, number>
}

/**
 * Greedy one-to-one matching, best score first: every gold item and every
 * prediction is used at most once. `score` returns null when the two may not match.
 * Ties go to the earlier gold item, then the earlier prediction, so results are stable.
 */
export function greedyMatch<P, G>(
  predicted: readonly P[],
  gold: readonly G[],
  score: (p: P, g: G) => number | null,
): Matching {
  const candidates: Pair[] = []
  predicted.forEach((p, pi) => {
    gold.forEach((g, gi) => {
      const s = score(p, g)
      if (s !== null) candidates.push({ pred: pi, gold: gi, score: s })
    })
  })
  candidates.sort((a, b) => b.score - a.score || a.gold - b.gold || a.pred - b.pred)
  const goldToPred = new Map<number, number>()
  const predToGold = new Map<number, number>()
  const pairs: Pair[] = []
  for (const c of candidates) {
    if (goldToPred.has(c.gold) || predToGold.has(c.pred)) continue
    goldToPred.set(c.gold, c.pred)
    predToGold.set(c.pred, c.gold)
    pairs.push(c)
  }
  return { pairs, goldToPred, predToGold }
}
