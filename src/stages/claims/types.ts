import type { Span, Stance, Verification } from '../../core/record.js'
import type { WordTable } from './words.js'

export interface ClaimsOptions {
  /** Fewest words a check-worthy proposition needs. */
  minWords?: number
  /** Report hedged statements in the outlet's own voice ("reportedly", "could not be verified"). */
  outletVoice?: boolean
}

/** Word lists the claims stage uses, compiled once per stage factory. */
export interface ClaimLexicon {
  /** Hedge phrases (lower-case word arrays) with the verification state they give, if any. */
  hedges: readonly { words: readonly string[]; verification: Verification; kind: string }[]
  /** Denial phrases (lower-case word arrays) and their kind (verb | phrase | negation). */
  denials: readonly { words: readonly string[]; kind: string }[]
  /** Opinion, wish and exhortation phrases, with their kind. */
  opinions: readonly { words: readonly string[]; kind: string }[]
  /** The three phrase lists above indexed by first word, for one pass over a span's tokens. */
  hedgeIndex: PhraseIndex<ClaimLexicon['hedges'][number]>
  denialIndex: PhraseIndex<ClaimLexicon['denials'][number]>
  opinionIndex: PhraseIndex<ClaimLexicon['opinions'][number]>
  /** Nouns that comment on a statement just given (comment-nouns.tsv): "…, a claim X rejected". */
  commentNouns: ReadonlySet<string>
  /** Cue form (first word, lower case) → the classes it can have (speech-verbs.tsv). */
  cueClasses: ReadonlyMap<string, ReadonlySet<string>>
  /** Every word the rules look at, with an id; tokens are looked up once per doc. */
  table: WordTable
  /** Word id → bits of the word classes in word-classes.ts. */
  flags: Uint16Array
  /** Word id → the cue classes of that form (as `cueClasses`). */
  classesById: readonly (ReadonlySet<string> | undefined)[]
  /** Word id → the phrases of each list that start with it, their words as ids. */
  hedgesById: readonly (readonly IdPhrase<ClaimLexicon['hedges'][number]>[] | undefined)[]
  denialsById: readonly (readonly IdPhrase<ClaimLexicon['denials'][number]>[] | undefined)[]
  opinionsById: readonly (readonly IdPhrase<ClaimLexicon['opinions'][number]>[] | undefined)[]
  /** Ids of the single words the rules compare with (word-classes.ts LITERALS). */
  w: Readonly<Record<(typeof import('./word-classes.js').LITERALS)[number], number>>
}

/** A lexicon phrase with its words as word ids. */
export interface IdPhrase<T> {
  phrase: T
  ids: Int32Array
}

/** A proposition before stance and evidence are attached. */
export interface ClaimCandidate extends Span {
  quote: number | null
  claimant: string | null
  claimantEntity: string | null
  via: string[]
  /** Forced stance (a denial verb decides it), else computed from the words. */
  stance: Stance | null
  rule: string
  confidence: number
}

/** Phrases by their first word. */
export type PhraseIndex<T extends { words: readonly string[] }> = ReadonlyMap<string, readonly T[]>
