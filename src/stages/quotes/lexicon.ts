import type { LexiconRow, Lexicons } from '../../core/resources.js'
import type { CueClass, CueFrame, CueSense, QuoteLexicon } from './types.js'

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u'])

/** Regular English inflections of a verb: base, -s, -ed, -ing. */
export function inflect(verb: string): string[] {
  const last = verb.slice(-1)
  const beforeLast = verb.slice(-2, -1)
  const consonantY = last === 'y' && !VOWELS.has(beforeLast)
  const third = /(s|x|z|ch|sh)$/.test(verb)
    ? `${verb}es`
    : consonantY
      ? `${verb.slice(0, -1)}ies`
      : `${verb}s`
  const past = last === 'e' ? `${verb}d` : consonantY ? `${verb.slice(0, -1)}ied` : `${verb}ed`
  const ing = last === 'e' && !verb.endsWith('ee') ? `${verb.slice(0, -1)}ing` : `${verb}ing`
  return [verb, third, past, ing]
}

/** All written forms of a lexicon row: the given forms, else regular inflections (particles kept). */
export function cueForms(row: LexiconRow): string[] {
  const lemma = (row.cue ?? '').toLowerCase()
  const given = (row.forms ?? '')
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean)
  const [verb = '', ...particles] = lemma.split(' ')
  const tail = particles.length > 0 ? ` ${particles.join(' ')}` : ''
  const regular = inflect(verb).map((f) => f + tail)
  return [...new Set([lemma, ...(given.length > 0 ? given : regular)])]
}

/**
 * A cheap fingerprint of a word: its length (capped) with its first and last letters. The
 * cue table's fingerprints are kept in a small bit table, so a token whose fingerprint is
 * absent skips the lookup in the large cue Map (hashing a fresh string, touching a big
 * table) entirely.
 */
export function wordKey(word: string): number {
  const n = word.length
  return (n < 31 ? n : 31) * 729 + letter(word.charCodeAt(0)) * 27 + letter(word.charCodeAt(n - 1))
}

function letter(code: number): number {
  return code >= 97 && code <= 122 ? code - 96 : 0
}

/** Compile the lexicon rows into lookup tables, once per stage factory. */
export function compileLexicon(lexicons: Lexicons): QuoteLexicon {
  const cues = new Map<string, CueSense[]>()
  const rows = [
    ...lexicons.get('speech-verbs').map((row) => [row, false] as const),
    ...lexicons.get('attitude-cues').map((row) => [row, true] as const),
  ]
  for (const [row, weak] of rows) {
    for (const form of cueForms(row)) {
      const [first = '', ...rest] = form.split(' ')
      const sense: CueSense = {
        lemma: (row.cue ?? '').toLowerCase(),
        head: (row.cue ?? '').toLowerCase().split(' ')[0]!,
        cls: (row.class ?? 'say') as CueClass,
        frame: (row.frame ?? 'that') as CueFrame,
        stance: (row.stance ?? 'asserts') as CueSense['stance'],
        rest,
        ...(weak ? { weak } : {}),
      }
      const list = cues.get(first) ?? []
      list.push(sense)
      cues.set(first, list)
    }
  }
  const cueKeys = new Uint8Array(32 * 729)
  for (const first of cues.keys()) cueKeys[wordKey(first)] = 1
  // Longer multiword senses first, so "point out" is tried before a bare "point".
  for (const list of cues.values()) list.sort((a, b) => b.rest.length - a.rest.length)
  const anonymousHeads = new Set(
    lexicons.get('anonymous-sources').map((r) => (r.noun ?? '').toLowerCase()),
  )
  const channels = new Map(
    lexicons.get('relay-channels').map((r) => [r.name ?? '', r.kind ?? 'platform'] as const),
  )
  const titles = new Set(lexicons.get('speaker-titles').map((r) => (r.title ?? '').toLowerCase()))
  const commentNouns = new Set(
    lexicons.get('comment-nouns').map((r) => (r.noun ?? '').toLowerCase()),
  )
  const orgHeads = new Set(
    lexicons
      .get('org-heads')
      .filter((r) => r.type === 'ORG')
      .map((r) => (r.term ?? '').toLowerCase()),
  )
  const channelFirst = new Set([...channels.keys()].map((n) => n.split(' ')[0]!.toLowerCase()))
  const channelLowerInitials = new Set(
    [...channels.keys()].map((n) => n.charCodeAt(0)).filter((c) => c >= 97 && c <= 122),
  )
  const nouns = new Map<string, CueSense>()
  for (const row of lexicons.get('attribution-nouns')) {
    const cls = (row.class ?? 'say') as CueClass
    const noun = (row.noun ?? '').toLowerCase()
    const stance: CueSense['stance'] = cls === 'deny' ? 'denies' : 'asserts'
    nouns.set(noun, {
      lemma: noun,
      head: noun.split(' ')[0]!,
      cls,
      frame: 'that',
      stance,
      rest: [],
    })
  }
  const nounFrames = new Map<string, { sense: CueSense; links: ReadonlySet<string> }>()
  const nounLinks = new Set<string>()
  for (const row of lexicons.get('attitude-nouns')) {
    const noun = (row.noun ?? '').toLowerCase()
    const links = new Set((row.links ?? '').split('|').map((w) => w.trim().toLowerCase()))
    for (const link of links) nounLinks.add(link)
    const cls = (row.class ?? 'evaluate') as CueClass
    nounFrames.set(noun, {
      sense: {
        lemma: noun,
        head: noun,
        cls,
        frame: 'obj',
        stance: cls === 'deny' ? 'denies' : 'asserts',
        rest: [],
        weak: true,
      },
      links,
    })
  }
  const sourceNouns = new Map(
    lexicons
      .get('source-nouns')
      .map(
        (r) =>
          [
            (r.noun ?? '').toLowerCase().split(' ').pop()!,
            r.holder === 'document' ? ('document' as const) : ('subject' as const),
          ] as const,
      ),
  )
  return {
    commentNouns,
    orgHeads,
    sourceNouns,
    nounFrames,
    nounLinks,
    cues,
    cueKeys,
    anonymousHeads,
    channels,
    channelFirst,
    channelLowerInitials,
    titles,
    nouns,
  }
}
