import type { Doc, Entity, EntityType, Mention } from '../../core/record.js'
import { foldName, identityKey } from './key.js'
import type { Candidate, Compiled, Gender, Unit } from './types.js'

export interface Resolved {
  entities: Entity[]
  mentions: Mention[]
}

export interface ResolveOptions {
  minConfidence: number
  corefParagraphs: number
  /** How many sentences back a pronoun looks (descriptions twice that), whatever the paragraphs. */
  corefSentences: number
}

interface Cluster {
  members: Candidate[]
  entity: Entity
  gender: Gender
  /**
   * Lower-cased words of the name, aliases and role, for "the ministry" → "Defence Ministry";
   * built on first use by `clusterWords` (only descriptions read them).
   */
  words: Set<string> | null
  /** A news outlet or platform: a channel, never the antecedent of "it" or "the group". */
  channel: boolean
  /** A country or capital: may speak as a government ("Brussels said it …"). */
  polity: boolean
}

const SKIP_IN_INITIALS = new Set(['of', 'the', 'for', 'and', '&', 'in', 'on'])
const VERB_LIKE = new Set(['VERB', 'AUX', 'ADV'])
const ALL_CAPITALS = /^\p{Lu}+$/u
const STARTS_CAPITAL = /^\p{Lu}/u

/**
 * One identity per real thing: link candidates that share a folded name or an
 * identity ("country:UA"), lexicon aliases ("EU" ↔ "European Union"), acronyms
 * defined or implied by initials, surnames of full names, and short forms of
 * institutions ("General Staff" ↔ "General Staff of the Armed Forces of Ukraine").
 */
export function resolveEntities(
  doc: Doc,
  found: readonly Candidate[],
  units: readonly Unit[],
  lex: Compiled,
  options: ResolveOptions,
): Resolved {
  // Weak candidates take part in linking ("Savchuk said" joins "Captain Andrii Savchuk");
  // a cluster survives only if one of its mentions is sure enough.
  const candidates = dropOverlaps(found.filter((c) => c.confidence > 0))
  const parent = candidates.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  const union = (a: number, b: number) => {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  // Each candidate under its identity (when it has one) and its name's key.
  const byKey = new Map<string, number>()
  const enter = (key: string, c: Candidate, i: number) => {
    const seen = byKey.get(key)
    if (seen === undefined) byKey.set(key, i)
    else if (compatible(candidates[seen] as Candidate, c)) union(seen, i)
  }
  // Keys of fresh name strings cost a hash each: computed once, also for surname linking.
  const nameKeys = candidates.map((c) => identityKey(c.name, lex.translit))
  candidates.forEach((c, i) => {
    const nameKey = nameKeys[i] as string
    if (c.identity !== null && c.identity !== nameKey) enter(c.identity, c, i)
    enter(nameKey, c, i)
  })
  candidates.forEach((c, i) => {
    for (const alias of c.lexiconAliases) {
      const other = byKey.get(identityKey(alias, lex.translit))
      if (other !== undefined && compatible(candidates[other] as Candidate, c)) union(other, i)
    }
    const initials = initialsOf(c)
    if (initials) {
      const other = byKey.get(identityKey(initials, lex.translit))
      if (other !== undefined && ALL_CAPITALS.test((candidates[other] as Candidate).name))
        union(other, i)
    }
  })
  linkSurnames(candidates, nameKeys, lex, union)
  linkInstitutionShortForms(candidates, union)

  const groups = new Map<number, Candidate[]>()
  candidates.forEach((c, i) => {
    const root = find(i)
    const list = groups.get(root)
    if (list) list.push(c)
    else groups.set(root, [c])
  })
  const clusters: Cluster[] = []
  for (const members of groups.values()) {
    // A cluster of weak guesses only would be dropped below: skip building it.
    if (!members.some((m) => m.confidence >= options.minConfidence)) continue
    const cluster = makeCluster(doc, members, lex, clusters.length)
    if (cluster && cluster.entity.confidence >= options.minConfidence) clusters.push(cluster)
  }
  clusters.sort((a, b) => (a.members[0] as Candidate).start - (b.members[0] as Candidate).start)
  clusters.forEach((cluster, n) => (cluster.entity.id = `e${n + 1}`))

  const mentions: Mention[] = []
  // The cluster of each name mention, by its place in `mentions` (no lookup by entity id).
  const mentionClusters: Cluster[] = []
  for (const cluster of clusters) {
    for (const member of cluster.members) {
      mentionClusters.push(cluster)
      mentions.push({
        start: member.start,
        end: member.end,
        entity: cluster.entity.id,
        kind: 'name',
        by: member.by,
        confidence: member.confidence,
      })
    }
  }
  for (const m of corefMentions(doc, units, mentionClusters, mentions, lex, options)) {
    mentions.push(m)
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end)
  return { entities: clusters.map((c) => c.entity), mentions }
}

/** Types that may name the same thing under one key ("Savchuk" guessed a place, then linked). */
function compatible(a: Candidate, b: Candidate): boolean {
  if (a.type === b.type) return true
  // A NORP never merges with its country: "Ukrainian" ≠ "Ukraine".
  if (a.type === 'NORP' || b.type === 'NORP') return false
  return a.confidence < 0.7 || b.confidence < 0.7
}

/**
 * Overlapping candidates keep the more confident (then the longer); nested ones are kept.
 * Candidates come in order of start, so only kept ones that end after the current start can
 * clash: those are held in `open` (their places in `kept`, ascending), which keeps the pass
 * linear instead of comparing each candidate with all kept before it.
 */
function dropOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: Candidate[] = []
  const open: number[] = []
  for (const c of sorted) {
    // A kept candidate ending at or before this start can clash with no later one.
    if (open.length > 0) {
      let still = 0
      for (const at of open) if ((kept[at] as Candidate).end > c.start) open[still++] = at
      open.length = still
    }
    let clashAt = -1
    if (!c.nested) {
      for (const at of open) {
        const k = kept[at] as Candidate
        if (k.start < c.end && c.start < k.end) {
          clashAt = at
          break
        }
      }
    }
    if (clashAt < 0) {
      kept.push(c)
      if (!c.nested) open.push(kept.length - 1)
      continue
    }
    const clash = kept[clashAt] as Candidate
    const better =
      c.confidence > clash.confidence ||
      (c.confidence === clash.confidence && c.end - c.start > clash.end - clash.start)
    if (better) kept[clashAt] = c
  }
  return kept.sort((a, b) => a.start - b.start)
}

/** "Rapid Support Forces" → "RSF"; only for multi-word names. */
function initialsOf(c: Candidate): string | null {
  if (c.type !== 'ORG' && c.type !== 'GPE') return null
  // Most names are one word: no initials, and no need to split.
  if (!HAS_SPACE.test(c.name)) return null
  const words = c.name.split(/\s+/).filter((w) => !SKIP_IN_INITIALS.has(w))
  if (words.length < 2 || !words.every(startsCapital)) return null
  return words.map((w) => w[0]).join('')
}

const HAS_SPACE = /\s/

function startsCapital(word: string): boolean {
  const code = word.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return STARTS_CAPITAL.test(word)
}

/**
 * "Savchuk" and "Captain Andrii Savchuk" are one person: a short name equal to
 * the last word of a full PERSON name links to the nearest such person before
 * it (or after it, for a surname used first).
 */
function linkSurnames(
  candidates: Candidate[],
  nameKeys: readonly string[],
  lex: Compiled,
  union: (a: number, b: number) => void,
): void {
  const persons = new Map<string, number[]>()
  candidates.forEach((c, i) => {
    if (c.type !== 'PERSON' || c.words.length < 2) return
    const surname = identityKey(c.words[c.words.length - 1] as string, lex.translit)
    const list = persons.get(surname) ?? []
    list.push(i)
    persons.set(surname, list)
  })
  candidates.forEach((c, i) => {
    if (c.words.length !== 1 || c.type === 'NORP') return
    if (c.type !== 'PERSON' && c.confidence >= 0.9) return
    const list = persons.get(nameKeys[i] as string)
    if (!list) return
    // The list is in text order: the nearest person before is found by binary search.
    const before = countBefore(list, candidates, c.start)
    const target = before > 0 ? list[before - 1] : list[0]
    if (target === undefined) return
    union(target, i)
    // A surname is a person whatever its own context guessed ("according to Zelenskyy").
    c.type = 'PERSON'
  })
}

/** How many of `list` (indexes of candidates in text order) start before `start`. */
function countBefore(
  list: readonly number[],
  candidates: readonly Candidate[],
  start: number,
): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((candidates[list[mid] as number] as Candidate).start < start) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * "General Staff" is "General Staff of the Armed Forces of Ukraine" when both occur.
 * Each long form is indexed under every prefix that an "of"/"in" follows, so a short
 * form is one lookup, not a comparison with every other organisation.
 */
function linkInstitutionShortForms(
  candidates: readonly Candidate[],
  union: (a: number, b: number) => void,
): void {
  const orgs: { c: Candidate; i: number; folded: string }[] = []
  candidates.forEach((c, i) => {
    if (c.type === 'ORG' && c.words.length >= 2) orgs.push({ c, i, folded: foldName(c.name) })
  })
  const byPrefix = new Map<string, number[]>()
  for (const long of orgs) {
    for (const joiner of [' of ', ' in ']) {
      for (
        let at = long.folded.indexOf(joiner);
        at >= 0;
        at = long.folded.indexOf(joiner, at + 1)
      ) {
        const prefix = long.folded.slice(0, at)
        const list = byPrefix.get(prefix)
        if (list) list.push(long.i)
        else byPrefix.set(prefix, [long.i])
      }
    }
  }
  for (const short of orgs) {
    for (const long of byPrefix.get(short.folded) ?? []) union(long, short.i)
  }
}

function makeCluster(
  doc: Doc,
  members: Candidate[],
  lex: Compiled,
  index: number,
): Cluster | undefined {
  // Most clusters are one mention: no sort, no type scores, no filtered copy.
  const single = members.length === 1
  if (!single) members.sort((a, b) => a.start - b.start)
  // The first type with the highest score, the first member with the highest confidence.
  let type = members[0]?.type as EntityType
  if (!single) type = topType(members)
  let best = members[0] as Candidate
  for (const m of members) if (m.confidence > best.confidence) best = m
  const named = single ? members : members.filter((m) => !m.nested)
  // A country is named by its common name ("United States" for "US"); its surface forms are aliases.
  const country = members.find((m) => m.identity?.startsWith('country:'))?.lexiconAliases[0]
  const name = country ?? canonicalName(named.length > 0 ? named : members)
  const aliases: string[] = []
  // Folded forms seen, the name's first; built only when a surface form differs from the name.
  let seen: Set<string> | undefined
  for (const m of members) {
    // The name is the surface form unless it was rewritten (a title-cased dateline).
    const asWritten = m.name.length === m.end - m.start && doc.text.startsWith(m.name, m.start)
    const surface = asWritten ? m.name : doc.text.slice(m.start, m.end)
    // The name itself folds to the name's fold: no need to fold it again.
    if (surface === name) continue
    seen ??= new Set([foldName(name)])
    const key = foldName(surface)
    if (seen.has(key)) continue
    seen.add(key)
    aliases.push(surface)
  }
  const role =
    members.find((m) => m.role && m.by === 'entities/title')?.role ??
    members.find((m) => m.role)?.role ??
    null
  // A title says it ("Mr.", "spokeswoman"); else a given name that says it ("Iryna Melnyk").
  const gender =
    members.find((m) => m.gender)?.gender ??
    (type === 'PERSON' ? (lex.givenNames.get(name.split(' ')[0] ?? '') ?? null) : null)
  const channel = members.some(
    (m) => m.by === 'entities/outlet' || m.by === 'entities/dateline-outlet',
  )
  const polity = members.some((m) => m.by === 'entities/country' || m.by === 'entities/capital')
  return {
    members,
    gender,
    words: null,
    channel,
    polity,
    entity: {
      id: `e${index + 1}`,
      name,
      type,
      aliases,
      role,
      key: entityKey(type, name, members, lex),
      by: best.by,
      confidence: highestConfidence(members),
    },
  }
}

/** The type with the highest summed confidence; the first such in order of members. */
function topType(members: readonly Candidate[]): EntityType {
  const score = new Map<EntityType, number>()
  for (const m of members) score.set(m.type, (score.get(m.type) ?? 0) + m.confidence)
  let type = members[0]?.type as EntityType
  let top = -Infinity
  for (const [t, value] of score) {
    if (value > top) {
      top = value
      type = t
    }
  }
  return type
}

function clusterWords(cluster: Cluster): Set<string> {
  if (cluster.words) return cluster.words
  const { name, aliases, role } = cluster.entity
  const words = new Set<string>()
  for (const text of [name, ...aliases])
    for (const w of text.toLowerCase().split(/\s+/)) words.add(w)
  if (role) for (const w of role.toLowerCase().split(/\s+/)) words.add(w)
  cluster.words = words
  return words
}

/** The highest confidence of the members (a loop: a spread of a huge cluster overflows the stack). */
function highestConfidence(members: readonly Candidate[]): number {
  let best = -Infinity
  for (const m of members) if (m.confidence > best) best = m.confidence
  return best
}

/** The longest full name, preferring forms without a possessive owner ("Russian Defence Ministry"). */
function canonicalName(members: readonly Candidate[]): string {
  // One pass keeping the first best: what a stable sort would put first.
  let best = members[0] as Candidate
  let bestRank = nameRank(best)
  for (let n = 1; n < members.length; n++) {
    const m = members[n] as Candidate
    const rank = nameRank(m)
    const better = rank - bestRank || best.name.length - m.name.length || m.start - best.start
    if (better < 0) {
      best = m
      bestRank = rank
    }
  }
  return best.name
}

/** Worse names rank higher: with a possessive owner (2), all capitals, an acronym (1). */
function nameRank(m: Candidate): number {
  const name = m.name
  const possessive = name.includes("'s ") || name.includes('’s ') ? 2 : 0
  const capitals = name.length > 3 && !hasAsciiLower(name) && name === name.toUpperCase() ? 1 : 0
  return possessive + capitals
}

/** An ASCII lower-case letter: the name is not all capitals, without an upper-cased copy. */
function hasAsciiLower(text: string): boolean {
  for (let n = 0; n < text.length; n++) {
    const c = text.charCodeAt(n)
    if (c >= 97 && c <= 122) return true
  }
  return false
}

/** The cross-article key: type, then the identity or the transliteration-folded name. */
function entityKey(
  type: EntityType,
  name: string,
  members: readonly Candidate[],
  lex: Compiled,
): string {
  const identity = members.find((m) => m.identity)?.identity
  if (identity?.startsWith('country:')) {
    const country = members.find((m) => m.lexiconAliases.length > 0)?.lexiconAliases[0]
    return `gpe:${identityKey(country ?? name, lex.translit)}`
  }
  if (identity) return identity.toLowerCase()
  return `${type.toLowerCase()}:${identityKey(name, lex.translit)}`
}

// ------------------------------------------------------------------ coreference

// A Map, not an object: an object indexed by any noun interns the noun first (a lookup in the
// process-wide string table) and would find "constructor" on its prototype.
const ORG_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['army', ['army', 'forces', 'military']],
  ['military', ['military', 'army', 'forces']],
  ['ministry', ['ministry']],
  ['group', []],
  ['agency', ['agency']],
  ['government', ['government', 'administration', 'cabinet']],
])

interface Anchor {
  start: number
  end: number
  paragraph: number
  sentence: number
  cluster: Cluster
}

/**
 * Pronouns and descriptions that refer back to an entity: "he says" to the
 * last person named outside quotation marks (gender permitting), "it said" to
 * the last organisation, "the ministry" to the last ORG with that head word,
 * "the general" to the last person whose role says so.
 */
function corefMentions(
  doc: Doc,
  units: readonly Unit[],
  mentionClusters: readonly Cluster[],
  nameMentions: readonly Mention[],
  lex: Compiled,
  options: ResolveOptions,
): Mention[] {
  // Name mentions in text order (a stable sort of their places), walked together with the
  // units (both sorted by start); `mentionClusters[n]` is the cluster of `nameMentions[n]`.
  const ordered = nameMentions.map((_, n) => n)
  ordered.sort((a, b) => (nameMentions[a] as Mention).start - (nameMentions[b] as Mention).start)
  const anchors: Anchor[] = []
  let u = 0
  for (const n of ordered) {
    const m = nameMentions[n] as Mention
    while (u < units.length && (units[u] as Unit).start < m.start) u++
    const unit = units[u]
    const cluster = mentionClusters[n]
    if (!cluster || !unit || unit.start !== m.start || unit.quoted) continue
    anchors.push({
      start: m.start,
      end: m.end,
      paragraph: unit.paragraph,
      sentence: unit.sentence,
      cluster,
    })
  }
  const out: Mention[] = []
  let cursor = 0
  const visible: Anchor[] = []
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit
    while (cursor < anchors.length && (anchors[cursor] as Anchor).end <= unit.start) {
      visible.push(anchors[cursor] as Anchor)
      cursor++
    }
    // Pronouns and "the" start with h, s, i or t and are short: skip the rest cheaply.
    if (unit.quoted || unit.kind !== 'word' || unit.end - unit.start > 10) continue
    const initial = doc.text.charCodeAt(unit.start) | 32
    if (initial !== 104 && initial !== 115 && initial !== 105 && initial !== 116) continue
    // And their first two letters are few ("he", "sh", "th", …): most words are rejected
    // before being sliced and lower-cased.
    if (!mayBePronoun(doc.text, unit, lex.pronouns)) continue
    const lower = unit.lower
    const pronoun = lex.pronouns.get(lower)
    if (pronoun && (unit.text === lower || unit.initial)) {
      const anchor = pronounAntecedent(unit, units[i + 1], pronoun, visible, options)
      if (anchor) {
        if (pronoun.gender !== 'n' && !anchor.cluster.gender) anchor.cluster.gender = pronoun.gender
        out.push(mentionOf(unit, anchor, 'pronoun', `entities/pronoun-${lower}`, 0.7))
        visible.push({
          start: unit.start,
          end: unit.end,
          paragraph: unit.paragraph,
          sentence: unit.sentence,
          cluster: anchor.cluster,
        })
      }
      continue
    }
    if (lower !== 'the' || unit.quoted) continue
    const noun = units[i + 1]
    if (!noun || noun.kind !== 'word' || noun.cap) continue
    const after = units[i + 2]
    if (after && after.kind === 'word' && after.pos === 'NOUN' && !noun.possessive) continue
    const anchor = nominalAntecedent(noun.text, visible, lex, options, unit)
    if (anchor) {
      const span = {
        start: unit.start,
        end: noun.end,
        paragraph: unit.paragraph,
        sentence: unit.sentence,
      }
      out.push({
        start: span.start,
        end: span.end,
        entity: anchor.cluster.entity.id,
        kind: 'nominal',
        by: 'entities/nominal',
        confidence: 0.65,
      })
      visible.push({
        start: span.start,
        end: span.end,
        paragraph: span.paragraph,
        sentence: span.sentence,
        cluster: anchor.cluster,
      })
    }
  }
  return out
}

// The first two letters (ASCII, lower case) of each pronoun and of "the", per lexicon.
const pronounStarts = new WeakMap<Compiled['pronouns'], Set<number>>()

/** False only when the unit can be neither a pronoun nor "the" (a cheap filter). */
function mayBePronoun(text: string, unit: Unit, pronouns: Compiled['pronouns']): boolean {
  if (unit.end - unit.start < 2) return true
  const a = text.charCodeAt(unit.start)
  const b = text.charCodeAt(unit.start + 1)
  // Beyond ASCII, lower-casing is not `| 32`: leave those words to the exact check.
  if (a >= 128 || b >= 128) return true
  let starts = pronounStarts.get(pronouns)
  if (!starts) {
    starts = new Set()
    for (const term of [...pronouns.keys(), 'the']) {
      if (term.length < 2) continue
      starts.add((term.charCodeAt(0) | 32) * 128 + (term.charCodeAt(1) | 32))
    }
    pronounStarts.set(pronouns, starts)
  }
  return starts.has((a | 32) * 128 + (b | 32))
}

function mentionOf(
  unit: Unit,
  anchor: Anchor,
  kind: Mention['kind'],
  by: string,
  confidence: number,
): Mention {
  return {
    start: unit.start,
    end: unit.end,
    entity: anchor.cluster.entity.id,
    kind,
    by,
    confidence,
  }
}

function pronounAntecedent(
  unit: Unit,
  next: Unit | undefined,
  pronoun: { gender: 'm' | 'f' | 'n'; number: 'sg' | 'pl' },
  visible: readonly Anchor[],
  options: ResolveOptions,
): Anchor | undefined {
  const back = options.corefSentences
  const oldest = horizon(unit.paragraph - options.corefParagraphs, unit.sentence - back)
  // "it"/"they" look back to the previous paragraph at most.
  const recent = horizon(unit.paragraph - 1, unit.sentence - back)
  const verbNext = next !== undefined && VERB_LIKE.has(next.pos)
  if (pronoun.gender === 'n' && pronoun.number === 'sg') {
    // "it said": only a subject followed by a verb refers back reliably.
    if (!verbNext) return undefined
    return salient(visible, recent, isOrgLike, unit.sentence)
  }
  if (pronoun.number === 'pl') {
    // "they said": a group named as the subject of an earlier sentence.
    if (!verbNext) return undefined
    const anchor = salient(
      visible,
      recent,
      (c) =>
        (c.entity.type === 'ORG' && !c.channel) ||
        (c.entity.type === 'NORP' && /s$/.test(c.entity.name)),
      unit.sentence,
    )
    return anchor && anchor.sentence === unit.sentence - 1 ? anchor : undefined
  }
  return salient(
    visible,
    oldest,
    (c) => c.entity.type === 'PERSON' && (c.gender === null || c.gender === pronoun.gender),
    unit.sentence,
  )
}

/**
 * How far back an antecedent may be: a paragraph and a sentence bound. The sentence bound
 * is what a reader keeps in mind, and it keeps the search short in a document of one huge
 * paragraph (otherwise a pronoun with no fitting antecedent rescans the whole document).
 */
interface Horizon {
  paragraph: number
  sentence: number
}

function horizon(paragraph: number, sentence: number): Horizon {
  return { paragraph, sentence }
}

/** "It said" refers to an organisation or a country speaking as its government. */
function isOrgLike(c: Cluster): boolean {
  return c.entity.type === 'ORG' || (c.entity.type === 'GPE' && c.polity)
}

/**
 * The subject of the latest earlier sentence that names a fitting entity: the
 * first fitting mention of that sentence ("X met Y. He said" → X), the usual
 * antecedent of a subject pronoun in news prose. Within the pronoun's own
 * sentence the nearest fitting mention wins ("the EU saying it …").
 */
function salient(
  visible: readonly Anchor[],
  oldest: Horizon,
  accept: (cluster: Cluster) => boolean,
  sentence: number,
): Anchor | undefined {
  const newest = latest(visible, oldest, accept)
  if (!newest || newest.sentence === sentence) return newest
  let first = newest
  for (let k = visible.length - 1; k >= 0; k--) {
    const anchor = visible[k] as Anchor
    if (anchor.sentence < newest.sentence) break
    if (
      anchor.sentence === newest.sentence &&
      anchor.start < first.start &&
      accept(anchor.cluster)
    ) {
      first = anchor
    }
  }
  return first
}

function latest(
  visible: readonly Anchor[],
  oldest: Horizon,
  accept: (cluster: Cluster) => boolean,
): Anchor | undefined {
  for (let k = visible.length - 1; k >= 0; k--) {
    const anchor = visible[k] as Anchor
    if (anchor.paragraph < oldest.paragraph || anchor.sentence < oldest.sentence) return undefined
    if (accept(anchor.cluster)) return anchor
  }
  return undefined
}

function nominalAntecedent(
  noun: string,
  visible: readonly Anchor[],
  lex: Compiled,
  options: ResolveOptions,
  at: Unit,
): Anchor | undefined {
  const title = lex.titles.get(noun)
  const head = lex.heads.get(noun)
  const personal = title !== undefined && title.kind !== 'modifier' && title.kind !== 'honorific'
  const listed = ORG_SYNONYMS.get(noun)
  if (!personal && !head?.nominal && !listed) return undefined
  // Descriptions look twice as far back as pronouns.
  const oldest = horizon(
    at.paragraph - options.corefParagraphs * 2,
    at.sentence - options.corefSentences * 2,
  )
  if (personal) {
    return latest(
      visible,
      oldest,
      (c) => c.entity.type === 'PERSON' && c.entity.role !== null && clusterWords(c).has(noun),
    )
  }
  const synonyms = listed ?? [noun]
  const type = head?.type ?? 'ORG'
  const fits = (c: Cluster) => c.entity.type === type && !c.channel
  // The entity whose own name has the word ("the army" → "Sudan's army") before a synonym.
  return synonyms.length === 0
    ? latest(visible, oldest, fits)
    : (latest(visible, oldest, (c) => fits(c) && clusterWords(c).has(noun)) ??
        latest(visible, oldest, (c) => fits(c) && synonyms.some((w) => clusterWords(c).has(w))))
}
