import type { Span, Token } from '../../core/record.js'

/** What follows a cue: see speech-verbs.tsv. */
export type CueFrame = 'that' | 'obj' | 'of' | 'to' | 'for' | 'quote'
export type CueClass =
  | 'say'
  | 'report'
  | 'claim'
  | 'guess'
  | 'believe'
  | 'deny'
  | 'accuse'
  | 'urge'
  | 'call for'
  | 'confirm'
  | 'evaluate'
  | 'intend'
  | 'ask'

/** One reading of a cue form, compiled from a speech-verbs.tsv row. */
export interface CueSense {
  lemma: string
  /** The lemma's first word ("point" of "point out"). */
  head: string
  cls: CueClass
  frame: CueFrame
  stance: 'asserts' | 'hedges' | 'denies'
  /** Lower-case words that must follow the first word ("out" in "point out"). */
  rest: readonly string[]
  /** An attitude cue (attitude-cues.tsv): a view or an intention, weaker than a statement. */
  weak?: boolean
}

/** The lexicons the quotes stage uses, compiled once per stage factory. */
export interface QuoteLexicon {
  /** First word form (lower case) → its senses. */
  cues: ReadonlyMap<string, readonly CueSense[]>
  /** 1 at the `wordKey` of every first word form of `cues`: a filter before the Map. */
  cueKeys: Uint8Array
  /** Head nouns of unnamed sources. */
  anonymousHeads: ReadonlySet<string>
  /** Channel names (platforms, agencies) → kind. */
  channels: ReadonlyMap<string, string>
  /** Lower-case first words of the channel names, to skip most tokens without slicing. */
  channelFirst: ReadonlySet<string>
  /** Character codes of a-z that start some channel name as written ("dpa"). */
  channelLowerInitials: ReadonlySet<number>
  /** Title words stripped from a fallback speaker name (lower case). */
  titles: ReadonlySet<string>
  /** Nouns that comment on a statement just given (comment-nouns.tsv): "…, a claim X rejected". */
  commentNouns: ReadonlySet<string>
  /** Lower-case heads of organisation names (org-heads.tsv): "the defence ministry", "the General Staff". */
  orgHeads: ReadonlySet<string>
  /** Attribution nouns ("claim", "belief", "concerns") → the sense their holder has. */
  nouns: ReadonlyMap<string, CueSense>
  /** Attitude nouns ("attacks", "support") → their sense and the words that introduce the object. */
  nounFrames: ReadonlyMap<string, { sense: CueSense; links: ReadonlySet<string> }>
  /** Every word that introduces an attitude noun's object ("on", "for", "to"). */
  nounLinks: ReadonlySet<string>
  /** Nouns of documents and occasions that hold statements ("poll", "statement"), lower case. */
  sourceNouns: ReadonlyMap<string, 'document' | 'subject'>
}

export interface QuotesOptions {
  /** Fewest words a marked span needs to count as a direct quote rather than scare quotes. */
  minDirectWords?: number
  /** Count cognition cues (believe, think, hope) as attributions, as PolNeAR does. */
  cognition?: boolean
  /** Longest speaker noun phrase, in tokens. */
  maxSpeakerTokens?: number
  /**
   * One item per attribution, as PolNeAR annotates: the halves of a split quote and the marked
   * sentences that follow an attributed quote in its paragraph join it as further spans. Off by
   * default: sitrep's gold conventions keep them apart.
   */
  joinContinuations?: boolean
}

/** The doc's tokens seen once, with lower-case forms and sentence/paragraph indexes. */
export interface TokenView {
  text: string
  tokens: readonly Token[]
  /** Token index → part-of-speech tag as a string constant (see view.ts). */
  pos: readonly string[]
  lower: readonly string[]
  /** Token index → sentence index. */
  sentenceOf: Int32Array
  /** Sentence index → [first, last] token indexes (inclusive). */
  sentenceTokens: readonly (readonly [number, number])[]
  /** Token index → paragraph index. */
  paragraphOf: Int32Array
  /**
   * Token index → the cue found there (null: none), filled on first lookup. The content
   * and attribution scans ask about the same tokens many times; one answer per token.
   */
  cueMemo: Memo<CueMatch>
  /** Token index → 1 inside double quotation marks (marks excluded), filled by the mark scan. */
  inMarks: Int32Array
  /** Token index → 1 when a direct quote's attribution uses the cue there. */
  usedCues: Int32Array
}

/** Answers per token: `slots[i]` is 0 (not asked), 1 (none) or k + 2 (`found[k]`). */
export interface Memo<T> {
  slots: Int32Array
  found: T[]
}

/** A cue at a token: its first matching sense, all senses of that length, and its last token. */
export interface CueMatch {
  sense: CueSense
  senses: CueSense[]
  last: number
  /** The frames of `senses`, as bits (find.ts FRAME). */
  frames?: number
}

/** A span between quotation marks, found by `findQuoteMarks`. */
export interface MarkedSpan {
  /** Offset of the opening mark. */
  open: number
  /** Offset of the closing mark, or -1 when the paragraph ended first. */
  close: number
  /** Content parts (two or more when the quote runs over paragraphs). */
  parts: Span[]
  /** Single quotation marks (‘ ’ or '), usually nested. */
  single: boolean
  /** Nesting depth: 0 for outer marks. */
  depth: number
}

/** A speaker noun phrase found next to a cue. */
export interface SpeakerPhrase {
  span: Span
  /** Token range [first, last] inclusive. */
  first: number
  last: number
  /** The whole mention with its appositions ("Christie, New Jersey's governor,"), when wider. */
  mention?: Span
}

/** An attribution: the cue, the speaker phrase, and the channels named around it. */
export interface Attribution {
  cue: Span | null
  cueToken: number
  sense: CueSense | null
  speaker: SpeakerPhrase | null
  /** Channel names (relay chain) from the origin outward, as written. */
  via: string[]
  /** "Citing X": the origin the speaker relays (X becomes speaker, the speaker goes to via). */
  citing: SpeakerPhrase | null
  rule: string
}

/** A quote before speaker resolution. */
export interface QuoteCandidate {
  kind: 'direct' | 'indirect' | 'mixed'
  spans: Span[]
  attribution: Attribution | null
  /** Direct quotes with no attribution of their own inherit the last speaker. */
  inherit: boolean
  confidence: number
}
