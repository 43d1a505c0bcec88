/** Readable tables of a set's figures, and the per-document error listing. */
import { GOLD_LAYERS, type GoldLayer } from '../core/gold.js'
import type { DocScore, Prf, SetFigures, Share } from './types.js'

const pct = (v: number | null) => (v === null ? '   n/a' : `${(v * 100).toFixed(1).padStart(5)}%`)
const num = (v: number | null) => (v === null ? 'n/a' : v.toFixed(1))

function prfRow(label: string, p: Prf): string {
  return `  ${label.padEnd(22)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   (tp ${p.tp}, pred ${p.pred}, gold ${p.gold})`
}

function shareRow(label: string, s: Share): string {
  return `  ${label.padEnd(22)} ${pct(s.value)}   (${s.hit}/${s.total})`
}

/** The figures of one set as text: one block per scored layer. */
export function formatFigures(title: string, f: SetFigures): string {
  const lines = [`${title}: ${f.docs} docs`]
  const scoredIn = (l: GoldLayer) => ` (${f.scored[l] ?? 0} docs)`
  if (f.entities) {
    lines.push(`entities${scoredIn('entities')}`, prfRow('micro', f.entities.micro))
    for (const [type, p] of Object.entries(f.entities.byType)) lines.push(prfRow(type, p))
  }
  if (f.quotes) {
    lines.push(
      `quotes${scoredIn('quotes')}`,
      prfRow('span (overlap ≥ 0.6)', f.quotes.span),
      shareRow('attribution', f.quotes.attribution),
      prfRow('end-to-end', f.quotes.endToEnd),
      shareRow('wrong speaker, entity', f.quotes.entityCaused) +
        '  of wrong speakers: gold speaker is a gold entity the entities stage missed',
    )
  }
  if (f.claims) {
    lines.push(
      `claims${scoredIn('claims')}`,
      prfRow('text ≥ 0.5 + claimant', f.claims.match),
      shareRow('stance', f.claims.stance),
    )
  }
  if (f.places) {
    lines.push(
      `places${scoredIn('places')}`,
      prfRow('mention', f.places.match),
      shareRow('within tolerance', f.places.withinTolerance),
      shareRow('within 161 km', f.places.within161),
      `  ${'median error km'.padEnd(22)} ${num(f.places.medianErrorKm)}`,
      shareRow('metonym flagged', f.places.metonym),
      shareRow('location as metonym', f.places.falseMetonym),
    )
  }
  if (f.events) {
    lines.push(
      `events${scoredIn('events')}`,
      prfRow('type+place+date', f.events.match),
      shareRow('mode', f.events.mode),
      shareRow('actors', f.events.actors),
      shareRow('counts', f.events.counts),
      shareRow('same day', f.events.exactDate),
      shareRow('type, 1-event docs', f.events.type),
    )
  }
  if (f.stories) {
    const s = f.stories
    const row = (label: string, v: { precision: number; recall: number; f1: number }) =>
      `  ${label.padEnd(22)} P ${pct(v.precision)}  R ${pct(v.recall)}  F1 ${pct(v.f1)}`
    lines.push(
      `stories (${s.items} keyed gold events, ${s.goldStories} gold stories, ${s.systemStories} system clusters)`,
      row('pairwise', s.pairwise),
      row('BCubed', s.bcubed),
    )
  }
  return lines.join('\n')
}

/** `--errors`: per document, per layer, the misses, false hits and wrong attributes with why. */
export function formatErrors(docs: readonly DocScore[], only?: readonly GoldLayer[]): string {
  const out: string[] = []
  const mark = { miss: 'MISS ', false: 'FALSE', wrong: 'WRONG' } as const
  for (const d of docs) {
    const errors = d.errors.filter((e) => !only || only.includes(e.layer))
    if (errors.length === 0) continue
    out.push(`== ${d.id}`)
    for (const layer of GOLD_LAYERS) {
      const mine = errors.filter((e) => e.layer === layer)
      if (mine.length === 0) continue
      out.push(`  ${layer}`)
      for (const e of mine) {
        const item = e.kind === 'false' ? e.pred : e.gold
        out.push(`    ${mark[e.kind]} ${item ?? ''}`)
        if (e.kind === 'wrong' && e.pred) out.push(`          pred: ${e.pred}`)
        out.push(`          why: ${e.why}`)
      }
    }
  }
  return out.length ? out.join('\n') : 'no errors'
}

/** The headline figure of each layer, for the quality summary table. */
export function headline(f: SetFigures): { layer: string; figures: string }[] {
  const rows: { layer: string; figures: string }[] = []
  const p3 = (p: Prf) =>
    `P ${pct(p.precision).trim()} R ${pct(p.recall).trim()} F1 ${pct(p.f1).trim()}`
  const s = (label: string, v: Share) => `${label} ${pct(v.value).trim()} (${v.hit}/${v.total})`
  if (f.entities) {
    const types = Object.entries(f.entities.byType)
      .map(([t, p]) => `${t} ${pct(p.f1).trim()}`)
      .join(', ')
    rows.push({ layer: 'entities', figures: `micro ${p3(f.entities.micro)}; F1 by type: ${types}` })
  }
  if (f.quotes) {
    rows.push({
      layer: 'quotes',
      figures: `span ${p3(f.quotes.span)}; ${s('attribution', f.quotes.attribution)}; end-to-end F1 ${pct(f.quotes.endToEnd.f1).trim()}; ${s('wrong speakers from entity errors', f.quotes.entityCaused)}`,
    })
  }
  if (f.claims) {
    rows.push({
      layer: 'claims',
      figures: `${p3(f.claims.match)}; ${s('stance', f.claims.stance)}`,
    })
  }
  if (f.places) {
    const pl = f.places
    rows.push({
      layer: 'places',
      figures: `mention ${p3(pl.match)}; ${s('within tolerance', pl.withinTolerance)}; ${s('≤161 km', pl.within161)}; median error ${num(pl.medianErrorKm)} km; ${s('metonym', pl.metonym)}`,
    })
  }
  if (f.events) {
    const e = f.events
    rows.push({
      layer: 'events',
      figures: `${p3(e.match)}; ${s('mode', e.mode)}; ${s('actors', e.actors)}; ${s('counts', e.counts)}; ${s('same day', e.exactDate)}${e.type.total > 0 ? `; ${s('type (1-event docs)', e.type)}` : ''}`,
    })
  }
  if (f.stories) {
    const st = f.stories
    rows.push({
      layer: 'stories',
      figures: `pairwise F1 ${pct(st.pairwise.f1).trim()}; BCubed P ${pct(st.bcubed.precision).trim()} R ${pct(st.bcubed.recall).trim()} F1 ${pct(st.bcubed.f1).trim()} (${st.items} events, ${st.goldStories} gold stories)`,
    })
  }
  return rows
}

/** `--errors` for stories: gold stories the system split, and system clusters that merge gold stories. */
export function formatStoryErrors(docs: readonly DocScore[]): string {
  const items = docs.flatMap((d) => d.stories)
  const byGold = new Map<string, typeof items>()
  const bySystem = new Map<string, typeof items>()
  for (const item of items) {
    byGold.set(item.gold, [...(byGold.get(item.gold) ?? []), item])
    if (item.system !== null) {
      bySystem.set(item.system, [...(bySystem.get(item.system) ?? []), item])
    }
  }
  const out: string[] = []
  const where = (i: (typeof items)[number]) => `${i.doc} → ${i.system ?? '(unmatched or no key)'}`
  for (const [key, members] of byGold) {
    const systems = new Set(members.map((m, i) => m.system ?? `single-${i}`))
    if (members.length > 1 && systems.size > 1) {
      out.push(`    SPLIT ${key}`, `          ${members.map(where).join('; ')}`)
    }
  }
  for (const [key, members] of bySystem) {
    const golds = new Set(members.map((m) => m.gold))
    if (golds.size > 1) {
      out.push(
        `    MERGED ${key}`,
        `          ${members.map((m) => `${m.doc}: ${m.gold}`).join('; ')}`,
      )
    }
  }
  return out.length ? ['== stories (across the set)', ...out].join('\n') : ''
}
