import type { CountKey, Doc, Place, PloverType, Span } from '../../core/record.js'
import { CLAUSE_BREAK } from './find.js'
import { cueAt, type Cues } from './status.js'
import type { ActorFind, DateFind, SentenceView, TriggerHit } from './types.js'

// ------------------------------------------------------------------------------------ places

const DIRECTION =
  /^(north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|southwest|km|kilometres|kilometers|miles)$/

/** Places of the sentence that locate something (not metonyms, not origins or reference points). */
export function sentencePlaces(doc: Doc, view: SentenceView): { index: number; span: Span }[] {
  const out: { index: number; span: Span }[] = []
  ;(doc.layers.places ?? []).forEach((place, index) => {
    if (place.use !== 'location') return
    for (const span of [place as Span, ...(place.mentions ?? [])]) {
      if (span.start < view.start || span.end > view.end) continue
      const k = view.tokens.findIndex((t) => t.start >= span.start)
      const before = (n: number) => view.words[k - n] ?? ''
      // "launched from Russia's Rostov region", "west of Pokrovsk": not where it happened.
      if (before(1) === 'from' || before(2) === 'from') continue
      if (before(1) === 'of' && DIRECTION.test(before(2))) continue
      out.push({ index, span })
    }
  })
  return out.sort((a, b) => a.span.start - b.span.start)
}

/**
 * The most precise places tied to the trigger: the best ACLED precision level present, the one
 * nearest the trigger, and those listed with it ("near Tarasivka and Bilohorivka").
 */
export function placesFor(
  doc: Doc,
  hit: TriggerHit,
  candidates: { index: number; span: Span }[],
): number[] {
  const places = doc.layers.places ?? []
  if (candidates.length === 0) return []
  const level = (c: { index: number }) => (places[c.index] as Place).precision
  const best = Math.min(...candidates.map(level))
  const top = candidates.filter((c) => level(c) === best)
  const distance = (s: Span) => (s.start >= hit.end ? s.start - hit.end : hit.start - s.end + 1)
  const nearest = top.reduce((a, b) => (distance(b.span) < distance(a.span) ? b : a))
  const chosen = [nearest]
  for (const c of top) {
    if (chosen.some((x) => x.index === c.index)) continue
    const listed = chosen.some((x) => {
      const [a, b] = x.span.start < c.span.start ? [x.span, c.span] : [c.span, x.span]
      return /^\s*(,|and|or|, and)\s*$/.test(doc.text.slice(a.end, b.start))
    })
    if (listed) chosen.push(c)
  }
  return [...new Set(chosen.map((c) => c.index))]
}

/** The dateline's place ("MUNICH, Feb 14 (…) —"): where statements without a place were made. */
export function datelinePlace(doc: Doc): number | null {
  const places = doc.layers.places ?? []
  const at = places.findIndex(
    (p) => p.use === 'location' && [p as Span, ...(p.mentions ?? [])].some((s) => s.start === 0),
  )
  return at < 0 ? null : at
}

// ------------------------------------------------------------------------------------ actors

export interface ActorLexicon {
  /** Group nouns ("forces", "coast guard") by first word. */
  groups: ReadonlyMap<string, { words: string[]; actorType: string | null; armed: boolean }[]>
}

const ACTOR_ENTITY_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP'])
const MODIFIER_POS = new Set(['PROPN', 'ADJ', 'NOUN'])

/** Actor phrases of a sentence: entity mentions and descriptive groups ("Russian troops"). */
export function sentenceActors(doc: Doc, view: SentenceView, lex: ActorLexicon): ActorFind[] {
  const actors: ActorFind[] = []
  const entities = new Map((doc.layers.entities ?? []).map((e) => [e.id, e]))
  const locations = (doc.layers.places ?? []).filter((p) => p.use === 'location')
  for (let i = 0; i < view.words.length; i++) {
    for (const g of lex.groups.get(view.words[i] as string) ?? []) {
      if (!g.words.every((w, k) => view.words[i + k] === w)) continue
      const end = i + g.words.length
      let from = i
      while (from > 0 && from > i - 4 && MODIFIER_POS.has(view.tokens[from - 1]!.pos)) from--
      const span = { start: view.tokens[from]!.start, end: view.tokens[end - 1]!.end }
      actors.push({
        ...span,
        name: doc.text.slice(span.start, span.end),
        entity: null,
        actorType: g.actorType,
        armed: g.armed,
      })
      break
    }
  }
  for (const m of doc.layers.mentions ?? []) {
    if (m.start < view.start || m.end > view.end || m.kind === 'pronoun') continue
    const entity = entities.get(m.entity)
    if (!entity || !ACTOR_ENTITY_TYPES.has(entity.type)) continue
    if (locations.some((p) => p.start === m.start)) continue
    const inside = actors.findIndex((a) => a.start <= m.start && a.end >= m.end)
    // An entity that is only the modifier of a group ("Russian" in "Russian troops") stays a group.
    if (inside >= 0 && entity.type === 'NORP') continue
    if (inside >= 0) actors.splice(inside, 1)
    actors.push({
      start: m.start,
      end: m.end,
      name: entity.name,
      entity: entity.id,
      actorType: null,
      armed: false,
    })
  }
  return actors.sort((a, b) => a.start - b.start)
}

/** Who acts and who is acted on: the nearest actor before the trigger, and after it in the clause. */
export function actorsFor(view: SentenceView, hit: TriggerHit, actors: ActorFind[]): ActorFind[] {
  const clauseEnd = (() => {
    for (let k = hit.last - view.offset; k < view.words.length; k++) {
      if (CLAUSE_BREAK.has(view.words[k] as string)) return view.tokens[k]!.start
    }
    return view.end
  })()
  const before = actors.filter((a) => a.end <= hit.start).at(-1)
  const after = actors.find((a) => a.start >= hit.end && a.start < clauseEnd)
  const agentAt = view.words.indexOf('by', hit.last - view.offset)
  const agent =
    agentAt >= 0
      ? actors.find((a) => a.start >= view.tokens[agentAt]!.end && a.start < clauseEnd)
      : undefined
  const out = agent ? [agent, ...(before && before !== agent ? [before] : [])] : [before, after]
  return out.filter((a): a is ActorFind => a !== undefined)
}

// ------------------------------------------------------------------------------------ sources

const PRONOUN = /^(he|she|it|they|we|i)$/i

/**
 * Who the sentence attributes the trigger to: a quote's speaker or a claim's claimant when those
 * layers exist, else the subject of a speech verb in the sentence ("…, the ministry said").
 */
export function claimantFor(
  doc: Doc,
  view: SentenceView,
  hit: TriggerHit,
  cues: Cues,
  previous: string | null,
): string | null {
  for (const q of doc.layers.quotes ?? []) {
    if (q.speakerName && q.spans.some((s) => s.start <= hit.start && hit.end <= s.end))
      return q.speakerName
  }
  for (const c of doc.layers.claims ?? []) {
    if (c.claimant && c.start <= hit.start && hit.end <= c.end) return c.claimant
  }
  const w = view.words
  for (let i = 0; i < w.length; i++) {
    const cue = cueAt(view, i, cues)
    if (cue?.effect !== 'report') continue
    const at = view.offset + i
    if (at >= hit.first && at < hit.last) continue
    let name: string | null
    if (w[i] === 'according') name = phraseAfter(doc, view, i + cue.length)
    else name = phraseBefore(doc, view, i) ?? phraseAfter(doc, view, i + 1)
    if (!name) continue
    if (
      PRONOUN.test(name) ||
      /^(the )?(group|ministry|service|official|agency|army)$/i.test(name)
    ) {
      return resolvePronoun(doc, view, i) ?? previous ?? name
    }
    return name
  }
  return null
}

function phraseBefore(doc: Doc, view: SentenceView, i: number): string | null {
  let k = i - 1
  const end = k
  while (
    k >= 0 &&
    !CLAUSE_BREAK.has(view.words[k] as string) &&
    !/^["“”]$/.test(view.words[k] as string)
  ) {
    if (view.tokens[k]!.pos === 'VERB' && k < end) break
    k--
  }
  if (k + 1 > end) return null
  return doc.text.slice(view.tokens[k + 1]!.start, view.tokens[end]!.end)
}

function phraseAfter(doc: Doc, view: SentenceView, i: number): string | null {
  let k = i
  while (
    k < view.words.length &&
    !CLAUSE_BREAK.has(view.words[k] as string) &&
    view.tokens[k]!.pos !== 'VERB' &&
    view.words[k] !== 'that'
  )
    k++
  if (k <= i) return null
  return doc.text.slice(view.tokens[i]!.start, view.tokens[k - 1]!.end)
}

function resolvePronoun(doc: Doc, view: SentenceView, i: number): string | null {
  const entities = new Map((doc.layers.entities ?? []).map((e) => [e.id, e.name]))
  const mention = (doc.layers.mentions ?? []).find(
    (m) => m.start >= view.tokens[Math.max(0, i - 3)]!.start && m.end <= view.tokens[i]!.start,
  )
  return mention ? (entities.get(mention.entity) ?? null) : null
}

/** Whether a source reads as official: government, army, police, UN (the conventions' primary source). */
export function isOfficial(name: string | null, cues: Cues): boolean {
  if (!name) return false
  const words = name
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z-]+/)
  return words.some((w) => cues.words.get(w) === 'official') || /united nations/i.test(name)
}

// ------------------------------------------------------------------------------------ dates

/** The date expression that belongs to the trigger: the nearest one that is not a statement's date. */
export function dateFor(hit: TriggerHit, dates: readonly DateFind[]): DateFind | null {
  if (dates.length === 0) return null
  const distance = (d: DateFind) => (d.start >= hit.end ? d.start - hit.end : hit.start - d.end)
  const own = dates.filter((d) => !d.statement)
  const pool = own.length > 0 ? own : dates
  return pool.reduce((a, b) => (distance(b) < distance(a) ? b : a))
}

// ------------------------------------------------------------------------------------ coding

export interface ModeCue {
  type: PloverType
  mode: string | null
  acled: string | null
}

/** Mode and ACLED type from the nearest manner cue of the same category in the sentence. */
export function cueCoding(
  view: SentenceView,
  hit: TriggerHit,
  index: ReadonlyMap<string, { words: string[]; value: ModeCue }[]>,
): ModeCue | null {
  let best: { d: number; cue: ModeCue } | null = null
  for (let i = 0; i < view.words.length; i++) {
    for (const p of index.get(view.words[i] as string) ?? []) {
      if (p.value.type !== hit.entry.type) continue
      if (!p.words.every((w, k) => view.words[i + k] === w)) continue
      const at = view.offset + i
      const d = at >= hit.last ? at - hit.last : at < hit.first ? hit.first - at : 0
      if (!best || d < best.d || (d === best.d && p.words.length > 1)) best = { d, cue: p.value }
    }
  }
  return best?.cue ?? null
}

/** Count keys that fit each category, for attaching a sentence's figures to its events. */
export const COUNT_TYPES: Record<CountKey, readonly PloverType[]> = {
  killed: ['ASSAULT'],
  injured: ['ASSAULT'],
  captured: ['ASSAULT'],
  engaged: ['ASSAULT'],
  arrested: ['COERCE', 'ASSAULT'],
  displaced: ['ASSAULT', 'RETREAT'],
  participants: ['PROTEST'],
}
