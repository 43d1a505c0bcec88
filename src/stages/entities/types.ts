import type { EntityType, Span } from '../../core/record.js'
import type { StartFilter } from './starts.js'

export interface EntitiesOptions {
  /** Candidates below this confidence are dropped before clustering. */
  readonly minConfidence?: number
  /** How many paragraphs back a pronoun or "the minister" may look for its antecedent. */
  readonly corefParagraphs?: number
  /** How many sentences back a pronoun may look (descriptions twice that), within those paragraphs. */
  readonly corefSentences?: number
}

export type TitleKind = 'office' | 'rank' | 'honorific' | 'descriptor' | 'modifier'
export type Gender = 'm' | 'f' | null

export interface TitleEntry {
  kind: TitleKind
  /** Spelled-out form ("Maj. Gen." → "Major General"). */
  full: string
  gender: Gender
}

export type HeadLower = 'after-name' | 'types-name' | 'after-country' | ''

export interface HeadEntry {
  type: EntityType
  lower: HeadLower
  nominal: boolean
}

export interface NamedEntry {
  type: EntityType
  aliases: string[]
  /** Outlets: agency | outlet | broadcaster | platform; others: empty. */
  kind: string
  ambiguous: boolean
}

export interface PronounEntry {
  gender: 'm' | 'f' | 'n'
  number: 'sg' | 'pl'
}

/** The lexicons compiled into lookups once per resources object (never per doc). */
export interface Compiled {
  /** Titles by lower-cased term; multi-word terms too ("major general"). */
  titles: Map<string, TitleEntry>
  /** Longest title in words, to bound greedy matching. */
  titleMaxWords: number
  /**
   * Every prefix of every title key: a span whose first unit is not among them starts no
   * multi-word title, so most spans are rejected with one lookup instead of several slices.
   */
  titlePrefixes: Set<string>
  /** First two characters of the titles (lower case), asked before `titles`/`titlePrefixes`. */
  titleStarts: StartFilter
  /** First two characters of the heads (lower case), asked before `heads`. */
  headStarts: StartFilter
  heads: Map<string, HeadEntry>
  prefixes: Map<string, EntityType>
  /** Outlets and well-known names by exact surface form. */
  named: Map<string, NamedEntry>
  namedMaxWords: number
  /** Every prefix of every known name, and of every `norp` term (case as written). */
  namedPrefixes: Set<string>
  /** First two characters of the known names and NORP terms (as written). */
  namedStarts: StartFilter
  norp: Set<string>
  pronouns: Map<string, PronounEntry>
  /** Given name (as written) → the gender it says (given-names.tsv). */
  givenNames: Map<string, 'm' | 'f'>
  notNames: Set<string>
  /** Inflected forms of reporting verbs ("said", "told"), from the shared speech-verbs lexicon. */
  speechVerbs: Set<string>
  /** Abbreviations with their full stop ("Maj.", "Sept."), glued when the tokenizer split them. */
  abbreviations: Set<string>
  /** Transliteration folding rules for identity keys. */
  translit: { words: Map<string, string>; endings: [string, string][] }
}

/** A unit is a token, or tokens glued without spaces: "Ust-Luga", "Maj.", "al-Zallaqa". */
export interface Unit extends Span {
  text: string
  /** `text` lower-cased, computed once per doc. */
  lower: string
  pos: string
  /** wink token type: word, number, punctuation, … */
  kind: string
  /** Starts with a capital letter (or is a lower-case particle glued to one: "al-Zallaqa"). */
  cap: boolean
  /** All letters upper case, two or more letters: "NATO", "KYIV". */
  upper: boolean
  /** First word of a sentence or of a quotation: its capital says nothing. */
  initial: boolean
  /** Followed by a possessive "’s" (excluded from the unit). */
  possessive: boolean
  /** Inside quotation marks. */
  quoted: boolean
  sentence: number
  paragraph: number
}

/** A name mention found in the text, before identities are resolved. */
export interface Candidate extends Span {
  type: EntityType
  /** "entities/<rule>". */
  by: string
  confidence: number
  /** The name as it should be displayed (dateline capitals are title-cased). */
  name: string
  role: string | null
  gender: Gender
  /** Identity hint that overrides the folded name: "country:UA", "org:UA:foreign ministry". */
  identity: string | null
  /** Other names the lexicon gives for the same thing (for linking "EU" and "European Union"). */
  lexiconAliases: string[]
  /** Acronym defined in parentheses right after the name. */
  acronym: Span | null
  /** Number of words in the name (for surname linking). */
  words: string[]
  quoted: boolean
  paragraph: number
  sentence: number
  /** Nested inside another mention (the "Russia" of "Russia’s Defence Ministry"). */
  nested: boolean
}
