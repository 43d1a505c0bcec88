/**
 * Claim clusters: the same proposition across articles, and its lifecycle.
 *
 * Matching uses what survives paraphrase: content words (stemmed, without
 * function words and without the words of denial), entity keys and places.
 * Numbers are left out of matching on purpose: "12 killed" and "9 killed" are the
 * same proposition with a discrepancy, not two propositions.
 *
 * The lifecycle is replayed from all members in date order each time one joins,
 * so the history does not depend on the order articles were ingested in.
 */
import type { Doc } from '../core/record.js'
import type {
  ClaimClusterRecord,
  ClaimMemberRow,
  ClaimStatus,
  ClaimStatusChange,
  DiscrepancyRecord,
  DiscrepancyValue,
} from '../store/store.js'
import { dayNumber } from './dates.js'
import { figuresIn } from './numbers.js'
import { claimOrigin, originKey } from './sources.js'
import { contentTerms, jaccard, overlap, sha256, stem, words } from './text.js'

export interface ClaimOptions {
  /** Minimum similarity to join a cluster. */
  threshold?: number
}

export const CLAIM_DEFAULTS: Required<ClaimOptions> = { threshold: 0.45 }

/** Words that mark a denial or a report, not the proposition itself. */
const NON_PROPOSITION = new Set([
  'deny',
  'deni',
  'reject',
  'refut',
  'dismiss',
  'claim',
  'allegation',
  'alleg',
  'insist',
  'confirm',
  'verifi',
  'verify',
  'retract',
  'never',
  'false',
  'untrue',
])

const RETRACTION =
  /\b(retract(s|ed|ing)?|withdr[ae]w|withdrawn|walk(ed)? back|corrected|correction|apologi[sz]ed for (the|its) (report|claim))\b/i

export type ClaimInput = Omit<ClaimMemberRow, 'clusterId' | 'similarity'>

/** The claims of a doc as cluster members-to-be. */
export function claimInputs(doc: Doc, articleId: string, articleOriginKey: string): ClaimInput[] {
  return (doc.layers.claims ?? []).map((claim, index) => {
    const text = doc.text.slice(claim.start, claim.end)
    return {
      articleId,
      index,
      text,
      claimant: claim.claimant,
      via: claim.via,
      stance: claim.stance,
      verification: claim.verification,
      outlet: doc.source.outlet,
      published: doc.source.published,
      origin: claimOrigin(claim, articleOriginKey, doc.source.outlet),
      terms: propositionTerms(text),
      refs: {
        entities: claim.refs.entities.map(originKey),
        numbers: claim.refs.numbers,
        places: claim.refs.places.map(originKey),
        dates: claim.refs.dates,
      },
    }
  })
}

export function propositionTerms(text: string): string[] {
  return contentTerms(text).filter((t) => !NON_PROPOSITION.has(t) && !/^\d/.test(t))
}

/** What similarity needs of a claim. */
export type ClaimLike = Pick<ClaimInput, 'terms' | 'refs'> & { published?: string | null }

/** Claims are about occasions: keys carry a 14-day bucket so lookups stay local in time. */
const BUCKET_DAYS = 14

/** The day a claim is about: its own date, else its article's; null when neither is known. */
export function claimDay(claim: Pick<ClaimInput, 'refs' | 'published'>): number | null {
  for (const date of claim.refs.dates) {
    const day = dayNumber(date)
    if (day !== null) return day
  }
  return dayNumber(claim.published)
}

/**
 * Keys for finding candidate clusters: entities, places, and the eight longest
 * content words (long words are the specific ones; short common ones would make
 * every lookup scan long posting lists), each within a time bucket. `near` gives
 * the keys of the neighbouring buckets too, for lookups.
 */
export function claimKeys(
  claim: Pick<ClaimInput, 'terms' | 'refs' | 'published'>,
  near = false,
): string[] {
  const base = new Set<string>()
  for (const e of claim.refs.entities) base.add('e:' + e)
  for (const p of claim.refs.places) base.add('p:' + p)
  const words = claim.terms
    .filter((t) => t.length > 3)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  for (const t of words.slice(0, 8)) base.add('w:' + t)
  // Pairs are specific where single names are not: a busy city has hundreds of claims a fortnight,
  // "city + the two most specific words" or "entity + city" only a few.
  const places = claim.refs.places.slice(0, 3)
  for (const p of places) {
    for (const e of claim.refs.entities.slice(0, 3)) base.add(`ep:${e}|${p}`)
    if (words.length >= 2) base.add(`pw:${p}|${words[0]}|${words[1]}`)
  }
  if (words.length >= 3) base.add(`ww:${words[0]}|${words[1]}|${words[2]}`)
  const keys = [...base].slice(0, 32)
  const day = claimDay(claim)
  if (day === null) return keys
  const bucket = Math.floor(day / BUCKET_DAYS)
  // For lookups, the bucket and its neighbour on the nearer side cover ± half a bucket.
  const side = day - bucket * BUCKET_DAYS < BUCKET_DAYS / 2 ? bucket - 1 : bucket + 1
  const buckets = near ? [bucket, side] : [bucket]
  return buckets.flatMap((b) => keys.map((k) => `${k}@${b}`))
}

/**
 * Similarity of two claims' propositions, 0..1. Claims naming different places,
 * or dates more than a day apart, are different propositions however alike the
 * words ("X struck Kharkiv" is not "X struck Odesa").
 */
export function claimSimilarity(a: ClaimLike, b: ClaimLike): number {
  if (disjoint(a.refs.places, b.refs.places)) return 0
  if (datesApart(a.refs.dates, b.refs.dates)) return 0
  // Without dates of their own, reports weeks apart are about different occasions.
  if (!a.refs.dates.length || !b.refs.dates.length) {
    if (datesApart(a.published ? [a.published] : [], b.published ? [b.published] : [], 14)) return 0
  }
  const words = 0.5 * overlap(a.terms, b.terms) + 0.5 * jaccard(a.terms, b.terms)
  const namesA = [...a.refs.entities, ...a.refs.places]
  const namesB = [...b.refs.entities, ...b.refs.places]
  if (namesA.length === 0 || namesB.length === 0) return round(words)
  return round(0.75 * words + 0.25 * overlap(namesA, namesB))
}

function disjoint(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false
  const set = new Set(a)
  return !b.some((x) => set.has(x))
}

/** True when both claims give ISO dates and none of them are within `days` of each other. */
function datesApart(a: readonly string[], b: readonly string[], within = 1): boolean {
  const days = (dates: readonly string[]) =>
    dates.map((d) => dayNumber(d)).filter((d): d is number => d !== null)
  const da = days(a)
  const db = days(b)
  if (da.length === 0 || db.length === 0) return false
  return !da.some((x) => db.some((y) => Math.abs(x - y) <= within))
}

export function clusterIdFor(articleId: string, index: number): string {
  return 'c-' + sha256(`${articleId}:${index}`).slice(0, 12)
}

export interface Lifecycle {
  status: ClaimStatus
  statusDate: string
  history: ClaimStatusChange[]
  discrepancies: DiscrepancyRecord[]
}

/** Replays the members of a cluster in date order into a status history. */
export function claimLifecycle(
  clusterId: string,
  members: readonly ClaimMemberRow[],
  now: string,
): Lifecycle {
  const ordered = [...members].sort(byDate)
  const history: ClaimStatusChange[] = []
  let status: ClaimStatus | null = null
  const asserting = new Set<string>()
  const assertedTerms = new Set<string>()
  const assertedParties = new Set<string>()
  const figures = new Map<string, { value: number; member: ClaimMemberRow }[]>()
  const change = (next: ClaimStatus, member: ClaimMemberRow, reason: string): void => {
    if (next === status) return
    status = next
    history.push({
      status: next,
      date: member.published ?? now,
      articleId: member.articleId,
      claimIndex: member.index,
      reason,
    })
  }

  for (const member of ordered) {
    const who = member.claimant ?? member.outlet ?? member.origin
    if (status === null) {
      if (member.stance === 'denies') change('denied', member, `denied by ${who}`)
      else if (member.verification === 'confirmed')
        change('confirmed', member, `confirmed by ${who}`)
      else change('claimed', member, `claimed by ${who}`)
      if (member.stance !== 'denies') {
        asserting.add(member.origin)
        for (const t of member.terms) assertedTerms.add(t)
        for (const t of partyTerms(member.text)) assertedParties.add(t)
      }
      recordFigures(figures, member)
      continue
    }
    if (RETRACTION.test(member.text) && asserting.has(member.origin)) {
      change('retracted', member, `retracted by ${who}`)
      continue
    }
    if (status === 'retracted') continue
    if (member.stance === 'denies') {
      if (status === 'confirmed') continue
      const concerned = partyTerms(member.claimant ?? '').some((t) => assertedParties.has(t))
      if (concerned) change('denied', member, `denied by the party concerned (${who})`)
      else change('disputed', member, `counter-claim by ${who}`)
      continue
    }
    const conflict = recordFigures(figures, member)
    if (conflict && status !== 'confirmed') {
      change('disputed', member, `conflicting figure from ${who}: ${conflict}`)
    }
    if (member.verification === 'confirmed' && !asserting.has(member.origin)) {
      change('confirmed', member, `confirmed by ${who}`)
    } else if (
      status === 'claimed' &&
      !asserting.has(member.origin) &&
      member.stance === 'asserts'
    ) {
      change('corroborated', member, `independent source: ${member.origin}`)
    }
    if (member.stance !== 'hedges') asserting.add(member.origin)
    for (const t of member.terms) assertedTerms.add(t)
    for (const t of partyTerms(member.text)) assertedParties.add(t)
  }

  const last = history[history.length - 1]
  return {
    status: status ?? 'claimed',
    statusDate: last?.date ?? now,
    history,
    discrepancies: claimDiscrepancies(clusterId, ordered, now),
  }
}

/**
 * States are named by their capital, seat of government or adjective as often as
 * by their name ("Moscow denied…" about "Russian forces"): fold those onto one
 * term so the party a claim is about can be recognised in its denial.
 */
const PARTY_ALIASES = new Map<string, string>(
  [
    'russia russian russians moscow kremlin',
    'ukraine ukrainian ukrainians kyiv kiev',
    'china chinese beijing',
    'israel israeli israelis idf',
    'iran iranian tehran',
    'us american americans washington pentagon',
    'uk british britain london',
    'turkey turkish ankara',
    'syria syrian damascus',
    'lebanon lebanese beirut',
    'belarus belarusian minsk',
    'georgia georgian tbilisi',
    'sudan sudanese khartoum',
    'rsf rapid',
    'hamas',
    'hezbollah',
  ].flatMap((group) => {
    const [head, ...rest] = group.split(' ')
    return [head!, ...rest].map((word): [string, string] => [word, head!])
  }),
)

/** The parties a text names (folded by PARTY_ALIASES), plus its other content words. */
function partyTerms(text: string): string[] {
  return words(text)
    .map((w) => PARTY_ALIASES.get(w) ?? stem(w))
    .filter((w) => w.length > 2 && !NON_PARTY.has(w))
}

/** Words in names that say nothing about which party: "ministry", "forces", … */
const NON_PARTY = new Set([
  'ministry',
  'minister',
  'force',
  'forces',
  'official',
  'the',
  'and',
  'office',
  'government',
  'defence',
  'defense',
  'foreign',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'army',
  'military',
  'service',
  'said',
  'that',
  'had',
  'his',
  'her',
  'its',
  'their',
])

/** Adds the member's figures; returns a description of a conflict with earlier ones, if any. */
function recordFigures(
  figures: Map<string, { value: number; member: ClaimMemberRow }[]>,
  member: ClaimMemberRow,
): string | null {
  let conflict: string | null = null
  for (const figure of figuresIn(member.text)) {
    const seen = figures.get(figure.key) ?? []
    const other = seen.find((s) => s.value !== figure.value && s.member.origin !== member.origin)
    if (other && !conflict) conflict = `${figure.key} ${figure.value} vs ${other.value}`
    seen.push({ value: figure.value, member })
    figures.set(figure.key, seen)
  }
  return conflict
}

/** Count discrepancies (figures that disagree) and denials of one claim cluster. */
export function claimDiscrepancies(
  clusterId: string,
  members: readonly ClaimMemberRow[],
  now: string,
): DiscrepancyRecord[] {
  const out: DiscrepancyRecord[] = []
  const storyId = mostCommon(members.map((m) => m.storyId ?? null))
  const byKey = new Map<string, DiscrepancyValue[]>()
  for (const member of members) {
    for (const figure of figuresIn(member.text)) {
      const values = byKey.get(figure.key) ?? []
      values.push(valueOf(member, figure.value))
      byKey.set(figure.key, values)
    }
  }
  for (const [key, values] of byKey) {
    if (new Set(values.map((v) => v.value)).size < 2) continue
    out.push({
      id: discrepancyId('count', clusterId, key),
      kind: 'count',
      storyId,
      claimId: clusterId,
      field: key as DiscrepancyRecord['field'],
      values,
      detectedAt: now,
      summary: `${key}: ${values.map((v) => `${v.value} (${v.outlet ?? v.origin})`).join(' vs ')}`,
    })
  }
  const denials = members.filter((m) => m.stance === 'denies')
  const assertions = members.filter((m) => m.stance !== 'denies')
  if (denials.length && assertions.length) {
    const values = [...assertions.slice(0, 3), ...denials].map((m) => valueOf(m, m.stance))
    out.push({
      id: discrepancyId('denial', clusterId, null),
      kind: 'denial',
      storyId,
      claimId: clusterId,
      field: null,
      values,
      detectedAt: now,
      summary: `${denials.map((d) => d.claimant ?? d.outlet ?? d.origin).join(', ')} denies what ${
        assertions[0]!.claimant ?? assertions[0]!.outlet ?? assertions[0]!.origin
      } claims`,
    })
  }
  return out
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>()
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: string | null = null
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v
  return best
}

function valueOf(member: ClaimMemberRow, value: number | string): DiscrepancyValue {
  return {
    value,
    articleId: member.articleId,
    eventId: null,
    claimIndex: member.index,
    outlet: member.outlet,
    origin: member.origin,
    text: member.text.length > 300 ? member.text.slice(0, 300) : member.text,
  }
}

export function discrepancyId(kind: string, subject: string, field: string | null): string {
  return 'd-' + sha256(`${kind}:${subject}:${field ?? ''}`).slice(0, 12)
}

/** The cluster record for a set of members and its lifecycle. */
export function clusterRecord(
  id: string,
  members: readonly ClaimMemberRow[],
  lifecycle: Lifecycle,
  now: string,
): ClaimClusterRecord {
  const ordered = [...members].sort(byDate)
  const founder = ordered.find((m) => m.stance !== 'denies') ?? ordered[0]!
  const origins = [...new Set(members.map((m) => m.origin))].sort()
  const dates = ordered.map((m) => m.published ?? now)
  const union = (pick: (m: ClaimMemberRow) => string[]): string[] =>
    [...new Set(members.flatMap(pick))].slice(0, 30)
  return {
    id,
    text: founder.text,
    claimant: founder.claimant,
    status: lifecycle.status,
    statusDate: lifecycle.statusDate,
    memberCount: members.length,
    articleCount: new Set(members.map((m) => m.articleId)).size,
    independentSources: origins.length,
    origins,
    firstSeen: dates[0] ?? now,
    lastSeen: dates[dates.length - 1] ?? now,
    refs: {
      entities: union((m) => m.refs.entities),
      numbers: union((m) => m.refs.numbers),
      places: union((m) => m.refs.places),
      dates: union((m) => m.refs.dates),
    },
  }
}

function byDate(a: ClaimMemberRow, b: ClaimMemberRow): number {
  const da = a.published ?? '9999'
  const db = b.published ?? '9999'
  if (da !== db) return da < db ? -1 : 1
  if (a.articleId !== b.articleId) return a.articleId < b.articleId ? -1 : 1
  return a.index - b.index
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
