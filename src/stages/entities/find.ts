import type { Doc, EntityType, Span } from '../../core/record.js'
import { isDatelineDash } from '../../core/dateline.js'
import { Memo } from '../../core/memo.js'
import type { Countries, Gazetteer } from '../../core/resources.js'
import { MEMO_LIMIT } from './key.js'
import { prefixesOf } from './lexicon.js'
import { StartFilter } from './starts.js'
import type { Candidate, Compiled, Gender, HeadEntry, TitleEntry, Unit } from './types.js'

/** What recognition reads besides the units: lexicons and the optional injected resources. */
export interface FindContext {
  lex: Compiled
  countries?: Countries | undefined
  /** Only `has` is asked (fast path for recognisers). */
  gazetteer?: Pick<Gazetteer, 'has'> | undefined
  /** The publishing outlet (doc.source.outlet): its name in the text is an ORG. */
  outlet?: string | null | undefined
}

// Words that begin a capitalised run without being part of a name.
const DETERMINERS = new Set([
  'The',
  'A',
  'An',
  'This',
  'That',
  'These',
  'Those',
  'Its',
  'His',
  'Her',
  'Their',
  'Our',
  'My',
  'Your',
  'Some',
  'Many',
  'All',
  'Both',
  'Each',
  'Every',
  'No',
  'Any',
  'Several',
  'Most',
  'Other',
  'Another',
  'Such',
  'If',
  'When',
  'While',
  'As',
  'But',
  'And',
  'Or',
  'So',
  'Yet',
  'In',
  'On',
  'At',
  'For',
  'From',
  'With',
  'By',
  'After',
  'Before',
  'Since',
  'Under',
  'Over',
  'Among',
  'Despite',
])
// Prepositions after which an unknown name is most likely a place.
const PLACE_PREPOSITIONS = new Map([
  ['in', 0.7],
  ['near', 0.8],
  ['outside', 0.75],
  ['from', 0.55],
  ['towards', 0.75],
  ['toward', 0.75],
  ['into', 0.7],
  ['inside', 0.7],
  ['around', 0.65],
  ['across', 0.7],
  ['through', 0.6],
  ['to', 0.5],
  ['at', 0.5],
  ['neighbouring', 0.7],
  ['neighboring', 0.7],
  ['besieged', 0.7],
  ['occupied', 0.7],
  ['liberated', 0.65],
  ['captured', 0.55],
])
// "<noun> of X" makes X a place; the value is the type X takes.
const PLACE_NOUNS: ReadonlyMap<string, EntityType> = new Map([
  // "the villages of Foua and Kfraya"
  ['villages', 'GPE'],
  ['towns', 'GPE'],
  ['cities', 'GPE'],
  ['settlements', 'GPE'],
  ['village', 'GPE'],
  ['town', 'GPE'],
  ['city', 'GPE'],
  ['region', 'GPE'],
  ['district', 'GPE'],
  ['province', 'GPE'],
  ['oblast', 'GPE'],
  ['outskirts', 'GPE'],
  ['suburb', 'GPE'],
  ['suburbs', 'GPE'],
  ['capital', 'GPE'],
  ['port', 'GPE'],
  ['settlement', 'GPE'],
  ['hamlet', 'GPE'],
  ['east', 'GPE'],
  ['west', 'GPE'],
  ['north', 'GPE'],
  ['south', 'GPE'],
  ['northeast', 'GPE'],
  ['northwest', 'GPE'],
  ['southeast', 'GPE'],
  ['southwest', 'GPE'],
  ['centre', 'GPE'],
  ['center', 'GPE'],
  ['outskirt', 'GPE'],
  ['municipality', 'GPE'],
  ['governorate', 'GPE'],
  ['county', 'GPE'],
  ['state', 'GPE'],
  ['republic', 'GPE'],
  ['island', 'LOC'],
  ['islands', 'LOC'],
  ['river', 'LOC'],
  ['sea', 'LOC'],
  ['coast', 'LOC'],
  ['peninsula', 'LOC'],
  ['valley', 'LOC'],
  ['gulf', 'LOC'],
])
// Appositive head nouns: "X, a village in …" / "X, a research group".
const APPOSITIVE_PLACE = new Set([
  'village',
  'town',
  'city',
  'hub',
  'country',
  'region',
  'capital',
  'port',
  'settlement',
  'district',
  'province',
  'state',
  'nation',
  'republic',
  'suburb',
  'enclave',
  'hamlet',
])
const APPOSITIVE_ORG = new Set([
  'group',
  'network',
  'organisation',
  'organization',
  'agency',
  'party',
  'company',
  'outlet',
  'newspaper',
  'broadcaster',
  'movement',
  'militia',
  'coalition',
  'alliance',
  'firm',
  'charity',
  'institute',
  'think-tank',
  'unit',
  'brigade',
  'body',
  'watchdog',
  'bloc',
])
const CONNECTORS = new Set(['of', 'for', '&', 'on'])
// "UN Human Rights Monitoring Mission in Ukraine", "Russian Embassy in Washington".
const IN_HEADS = new Set(['Mission', 'Embassy', 'Consulate', 'Delegation', 'Representation'])
// "<place> city military administration", "<place> regional council": a local authority.
const LOCAL_LEVELS = new Set([
  'city',
  'regional',
  'district',
  'oblast',
  'municipal',
  'state',
  'village',
  'town',
  'provincial',
  'county',
])
const LOCAL_HEADS = new Set(['administration', 'council'])
// "the United Nations human rights office": a known body's lower-case sub-unit.
const SUB_UNIT_HEADS = new Set([
  'office',
  'agency',
  'mission',
  'council',
  'commission',
  'court',
  'committee',
])
const ORDINAL = /^\d+(st|nd|rd|th)$/
// Model designations ("Iskander-M", "Su-34", "S-300") are equipment, not names.
const DESIGNATION = /\d|-[A-Z0-9]{1,3}$/
const PLACE_SUFFIX =
  /(ivka|ivske|ivsk|ovsk|ovka|evka|yivka|hrad|grad|horod|gorod|opil|opol|pil|pol|polis|ove|eve|ne|ino|yne|ovo|evo|burg|stan|abad|shahr|ville)$/
const SURNAME_SUFFIX =
  /(enko|chuk|chyk|yuk|iuk|czuk|ovych|ovich|evich|ovsky|evsky|skyi|skyy|skiy|sky|ski|ska|vili|idze|adze|shvili|yan|ian|ov|ova|ev|eva|in|ina|nko|ets|uk)$/

// "Southern California", "Eastern Ukraine", "Greater Toronto".
const DIRECTIONS = new Set([
  'North',
  'South',
  'East',
  'West',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Central',
  'Greater',
  'Upper',
  'Lower',
  'Northeast',
  'Northwest',
  'Southeast',
  'Southwest',
  'Northeastern',
  'Northwestern',
  'Southeastern',
  'Southwestern',
])
const POSSESSIVE_NAME_WORDS = new Set([
  'People',
  'Workers',
  'Women',
  'Children',
  'Veterans',
  'Martyrs',
  'Soldiers',
  'Mothers',
  'Farmers',
  'Men',
  'Defenders',
  'Patriots',
])
const PLACE_ADJECTIVES = new Set([
  ...DIRECTIONS,
  'New',
  'Old',
  'Great',
  'Little',
  'Saint',
  'St.',
  'Port',
])
const AGENT_PLURAL = /(ers|ors|ents|ants|ists|ysts|ians|ees|ives|als|ics|ides|erts|olls|orts|veys)$/
/** "(R-Fla.)", "(D-Mass.)": a US party and state after a name, no name itself. */
const PARTY_TAG = /^[RDI]-[A-Z][A-Za-z]{0,4}$/

// Spans of units are remembered under i * SPAN_WIDTH + (j - i): small integers, cheap Map keys.
// Longer spans (a run of capitals) are not remembered.
const SPAN_WIDTH = 32

type TitleAt = { entry: TitleEntry; words: number; text: string }

type Lookup = {
  type: EntityType
  by: string
  confidence: number
  identity: string | null
  aliases: string[]
}

/**
 * Find name mentions: capitalised runs over the units, typed by lexicons,
 * head words, titles and context. Pure: reads the doc and the units only.
 */
export function findCandidates(doc: Doc, units: readonly Unit[], fc: FindContext): Candidate[] {
  const lowerWords = new WordIndex(units, doc.text)
  // Capitalised words seen mid-sentence: "Cook" in "Peter Cook" makes "Cook said" a name.
  const midCaps = new Set<string>()
  for (const unit of units) if (unit.cap && !unit.initial) midCaps.add(unit.text)
  const finder = new Finder(doc, units, fc, lowerWords, midCaps)
  return finder.run()
}

/** Lower-case particles inside personal and place names (Portuguese, Spanish, Dutch, German, …). */
const NAME_PARTICLES = new Set([
  'da',
  'das',
  'de',
  'del',
  'della',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'van',
  'von',
])

/** Rules that type a name by its shape alone: weak in a title-case headline. */
const SHAPE_RULES = new Set(['name-shape', 'speaker-shape', 'surname-suffix', 'default'])

/** Words running text writes in lower case even inside names; capitalised, they mark title case. */
const TITLE_CASE_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'but',
  'or',
  'nor',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'off',
  'on',
  'onto',
  'over',
  'to',
  'up',
  'with',
  'against',
  'after',
  'before',
  'about',
  'amid',
  'among',
  'despite',
  'during',
  'under',
  'until',
  'without',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'may',
  'not',
  'says',
  'said',
  'say',
  'its',
  'his',
  'her',
  'their',
  'that',
  'this',
  'than',
  'who',
  'what',
  'how',
  'why',
  'when',
  'he',
  'she',
  'it',
  'we',
  'they',
  'you',
  'more',
])

class Finder {
  readonly out: Candidate[] = []
  private readonly titleCaseBySentence = new Map<number, boolean>()
  /** Each analysed run: its span and where its candidates start in `out`. */
  readonly runs: { start: number; end: number; from: number; to: number }[] = []

  constructor(
    readonly doc: Doc,
    readonly units: readonly Unit[],
    readonly fc: FindContext,
    readonly lowerWords: WordIndex,
    readonly midCaps: ReadonlySet<string>,
  ) {}

  run(): Candidate[] {
    const datelineEnd = this.dateline()
    let i = datelineEnd
    while (i < this.units.length) {
      if (!this.startsRun(i)) {
        i++
        continue
      }
      const end = this.extendRun(i)
      const from = this.out.length
      this.analyse(i, end)
      this.runs.push({
        start: (this.units[i] as Unit).start,
        end: (this.units[end] as Unit).end,
        from,
        to: this.out.length,
      })
      i = end + 1
    }
    this.unifySplitRuns()
    this.composePossessives()
    return this.out.filter((c) => c.confidence > 0)
  }

  /**
   * "Georgian Dream accused …": a run that analysis split into pieces
   * (NORP "Georgian" + "Dream") but whose whole text is elsewhere a typed
   * institution ("the ruling Georgian Dream party") is that institution.
   */
  private unifySplitRuns(): void {
    // Most runs are one candidate spanning the whole run: only the others can be split.
    const split: { start: number; end: number; from: number; to: number }[] = []
    for (const run of this.runs) if (run.to > run.from && !this.coversRun(run)) split.push(run)
    if (split.length === 0) return
    const typed = new Map<string, Candidate>()
    // The lengths of those names: most runs cannot be one, and are not sliced to ask.
    const lengths = new Set<number>()
    for (const c of this.out) {
      if (c.type !== 'PERSON' && c.type !== 'NORP' && c.confidence >= 0.8) {
        typed.set(c.name, c)
        lengths.add(c.name.length)
      }
    }
    if (typed.size === 0) return
    for (const run of split) {
      if (!lengths.has(run.end - run.start)) continue
      const text = this.doc.text.slice(run.start, run.end)
      const model = typed.get(text)
      if (!model) continue
      const pieces = this.out.slice(run.from, run.to)
      const first = pieces[0] as Candidate
      for (const piece of pieces) piece.confidence = 0
      this.push(first.start, first.start + text.length, model.type, 'same-name', 0.8, {
        quoted: first.quoted,
      })
    }
  }

  /** Whether one of the run's candidates spans the whole run. */
  private coversRun(run: { start: number; end: number; from: number; to: number }): boolean {
    for (let n = run.from; n < run.to; n++) {
      const piece = this.out[n] as Candidate
      if (piece.start <= run.start && piece.end >= run.end) return true
    }
    return false
  }

  /**
   * "Russia’s Defence Ministry", "Ukraine’s General Staff": a possessive country
   * followed by an institution is one ORG (the country stays a nested mention).
   */
  private composePossessives(): void {
    const sorted = this.out.filter((c) => c.confidence > 0).sort((a, b) => a.start - b.start)
    for (let n = 0; n + 1 < sorted.length; n++) {
      const owner = sorted[n] as Candidate
      const org = sorted[n + 1] as Candidate
      if (owner.type !== 'GPE' || org.type !== 'ORG' || !owner.identity?.startsWith('country:'))
        continue
      const between = this.doc.text.slice(owner.end, org.start)
      if (!/^['’]s $/.test(between)) continue
      const cca2 = owner.identity.slice('country:'.length)
      org.start = owner.start
      org.name = this.doc.text.slice(org.start, org.end)
      org.identity = `org:${cca2}:${conceptKey(org.words.join(' '))}`
      org.by = 'entities/country-institution'
      owner.nested = true
    }
  }

  // ------------------------------------------------------------------ runs

  private isNameWord(unit: Unit | undefined): boolean {
    return (
      !!unit &&
      unit.kind === 'word' &&
      unit.cap &&
      !this.fc.lex.notNames.has(unit.text) &&
      !PARTY_TAG.test(unit.text)
    )
  }

  private startsRun(i: number): boolean {
    const unit = this.units[i] as Unit
    if (this.isNameWord(unit)) return true
    // "6th Infantry Division", "149th Separate Mechanised Brigade".
    const next = this.units[i + 1]
    return (
      isDigit(this.doc.text.charCodeAt(unit.start)) &&
      ORDINAL.test(unit.text) &&
      next !== undefined &&
      this.isNameWord(next) &&
      next.start === unit.end + 1
    )
  }

  /** The last unit index of the run that starts at `i`. */
  private extendRun(i: number): number {
    let j = i
    let hasHead = this.headOf(this.units[i] as Unit) !== undefined
    for (;;) {
      const current = this.units[j] as Unit
      // "Supreme People’s Court", "Workers’ Party": a possessive common noun inside a name.
      if (current.possessive && !POSSESSIVE_NAME_WORDS.has(current.text)) return j
      const next = this.units[j + 1]
      if (!next || next.sentence !== current.sentence) return j
      if (this.isNameWord(next) && !this.breaksBetween(current, next)) {
        j++
        hasHead ||= this.headOf(next) !== undefined
        continue
      }
      // Name particles: "Lula da Silva", "Ursula von der Leyen", "Rio de Janeiro", "Rio Grande
      // do Sul" (one or two lower-case particles between capitalised words).
      if (NAME_PARTICLES.has(next.text)) {
        let k = j + 2
        if (NAME_PARTICLES.has(this.units[k]?.text ?? '')) k++
        const after = this.units[k]
        if (
          after &&
          this.isNameWord(after) &&
          after.sentence === current.sentence &&
          after.end - after.start > 2
        ) {
          j = k
          hasHead ||= this.headOf(after) !== undefined
          continue
        }
      }
      // Connectors inside institution names: "Security Service of Ukraine",
      // "Office of the UN High Commissioner for Human Rights", "Horn & Sahel Report".
      const joins =
        (CONNECTORS.has(next.text) && (hasHead || next.text === '&')) ||
        (next.text === 'in' && IN_HEADS.has(current.text)) ||
        (next.text === 'of' && this.titleContinues(i, j))
      if (joins) {
        let k = j + 2
        if (this.units[k]?.text === 'the') k++
        const after = this.units[k]
        if (after && this.isNameWord(after) && after.sentence === current.sentence) {
          j = k
          hasHead ||= this.headOf(after) !== undefined
          continue
        }
      }
      return j
    }
  }

  /** "Secretary" + "of State": the run so far and the next words begin a multi-word title. */
  private titleContinues(i: number, j: number): boolean {
    // "Speaker of the House": the article belongs to the title.
    const the = this.units[j + 2]?.text === 'the'
    const after = this.units[the ? j + 3 : j + 2]
    if (!after) return false
    for (let k = i; k <= j; k++) {
      if (!this.beginsTitle(this.units[k] as Unit)) continue
      const key = `${this.text(k, j)} of ${the ? 'the ' : ''}${after.text}`.toLowerCase()
      if (this.fc.lex.titles.has(key)) return true
    }
    return false
  }

  /** A capitalised word after a sentence-initial determiner-like word still joins; datelines break. */
  private breaksBetween(current: Unit, next: Unit): boolean {
    // An all-caps dateline word followed by a normal word ("KYIV Ukraine") is two names.
    // "DETROIT The U.S. Transportation Department": a long all-caps word stands apart.
    if (current.upper === next.upper) return false
    const caps = current.upper ? current : next
    return caps.text.length > 4
  }

  private headOf(unit: Unit): HeadEntry | undefined {
    if (!unit.cap) return undefined
    const head = this.headEntry(unit)
    if (!head) return undefined
    // "Staff", "Ministry": capitalised heads only; a lower-case "meeting" is handled after the run.
    const code = this.doc.text.charCodeAt(unit.start)
    if (code >= 65 && code <= 90) return head
    return code >= 128 && /^\p{Lu}/u.test(unit.text) ? head : undefined
  }

  // ---------------------------------------------------------------- datelines

  /**
   * "KYIV, April 8 (Reuters) —" and "(Frontline Bulletin) —": the all-caps place
   * is a GPE and the parenthesised name before the dash is the outlet. Returns the
   * index where normal scanning resumes.
   */
  private dateline(): number {
    const units = this.units
    let i = 0
    const limit = Math.min(units.length, 30)
    let place = -1
    while (i < limit && units[i]!.upper && units[i]!.kind === 'word') i++
    // "KYIV, …", "TORONTO — …", "BEIRUT (Reuters) — …"; an acronym the lexicons know is no dateline.
    const known = i > 0 && this.fc.lex.named.has(this.text(0, i - 1))
    const mark = units[i]?.text ?? ''
    if (i > 0 && !known && (mark === ',' || mark === '(' || isDatelineDash(mark) || mark === '-'))
      place = i
    if (place > 0 && (isDatelineDash(units[place]!.text) || units[place]!.text === '-')) {
      const lede = units[place + 1]
      if (lede) lede.initial = true
      return this.emitDatelinePlace(place) + 1
    }
    // "ADEN, Yemen — Fighting resumed", "SANAA, Feb 9 — Police said": the lede after the
    // dash starts a sentence even when more of the dateline sits between the place and it.
    if (place > 0) {
      for (let k = place + 1; k < Math.min(limit, place + 8); k++) {
        if (units[k]!.text === '(') break
        if (isDatelineDash(units[k]!.text)) {
          const lede = units[k + 1]
          if (lede) lede.initial = true
          break
        }
      }
    }
    const open = units.slice(0, limit).findIndex((u) => u.text === '(')
    if (open < 0) return place > 0 ? this.emitDatelinePlace(place) : 0
    const close = units.slice(open, limit).findIndex((u) => u.text === ')') + open
    const dash = units[close + 1]
    if (close <= open || !dash || !(isDatelineDash(dash.text) || dash.text === '-')) {
      return place > 0 ? this.emitDatelinePlace(place) : 0
    }
    if (place > 0) this.emitDatelinePlace(place)
    // Whatever sits between the start and the parenthesis (", Ukraine", ", Oct 16") is scanned normally.
    for (let k = place > 0 ? place : 0; k < open; k++) {
      if (this.startsRun(k)) {
        const end = this.extendRun(k)
        if (end < open) this.analyse(k, end)
        k = end
      }
    }
    const first = units[open + 1] as Unit
    const last = units[close - 1] as Unit
    // The lede after the dash starts a sentence: "— Artillery shelling …".
    const lede = units[close + 2]
    if (lede) lede.initial = true
    if (close - open > 1) {
      this.push(first.start, last.end, 'ORG', 'dateline-outlet', 0.95, {
        role: 'news outlet',
      })
    }
    return close + 2
  }

  private emitDatelinePlace(comma: number): number {
    const first = this.units[0] as Unit
    const last = this.units[comma - 1] as Unit
    const raw = this.doc.text.slice(first.start, last.end)
    this.push(first.start, last.end, 'GPE', 'dateline-place', 0.9, { name: titleCase(raw) })
    return comma
  }

  // ---------------------------------------------------------------- analysis

  private text(from: number, to: number): string {
    if (from === to) return (this.units[from] as Unit).text
    return this.doc.text.slice((this.units[from] as Unit).start, (this.units[to] as Unit).end)
  }

  /** Analyse the run units[i..j] and push its candidates. */
  private analyse(i: number, j: number): void {
    const { lex } = this.fc
    // Leading determiners and sentence-initial common words are not part of the name.
    while (i <= j) {
      const first = this.units[i] as Unit
      if (this.lookupAt(i, j) || this.titleAt(i, j)) break
      const drop =
        DETERMINERS.has(first.text) ||
        lex.notNames.has(first.text) ||
        // "Police said": a lone sentence-initial head word or role noun is a common noun.
        (first.initial && (this.isCommonWord(first) || (i === j && this.isCommonHead(first))))
      if (!drop) break
      // "New Jersey Gov. Chris Christie": a known two-word place keeps its first word (the
      // gazetteer is asked only about a word that would otherwise be dropped).
      if (i < j && this.fc.gazetteer?.has(this.text(i, i + 1))) break
      i++
    }
    if (i > j) return
    // The whole run is a known name.
    const whole = this.lookup(i, j)
    if (whole) {
      this.pushRun(i, j, whole.type, whole.by, whole.confidence, whole)
      return
    }
    // The whole run ends in (or is led by) a head word: an institution, facility, event or place.
    const headed = this.headType(i, j)
    if (headed) {
      this.pushRun(i, j, headed.type, headed.by, headed.confidence, {})
      return
    }
    const place = this.knownPlaceRun(i, j)
    if (place) {
      this.pushRun(i, j, place.type, place.rule, place.confidence, {})
      return
    }
    // "the ruling Georgian Dream party": a lower-case head types the whole run.
    const lowerHead = this.lowerHeadAfter(j)
    const lone = i === j && (this.units[i] as Unit).initial
    if (lowerHead && !lone && !this.titleAt(i, j)) {
      this.pushRun(i, j, lowerHead.type, 'default', 0.4, {})
      return
    }
    this.analysePrefixes(i, j)
  }

  private lowerHeadAfter(j: number): { type: EntityType } | undefined {
    const next = this.units[j + 1]
    if (!next || next.kind !== 'word' || next.cap || (this.units[j] as Unit).possessive)
      return undefined
    const head = this.fc.lex.heads.get(next.text)
    return head && (head.lower === 'after-name' || head.lower === 'types-name') ? head : undefined
  }

  /**
   * Multi-word runs that are places or place-named bodies as a whole, checked before
   * a demonym or title inside could split them: "British Columbia" (gazetteer),
   * "Southern California" (a direction before a known place), "Environment Canada"
   * (a body named with its country after).
   */
  private knownPlaceRun(
    i: number,
    j: number,
  ): { type: EntityType; rule: string; confidence: number } | undefined {
    if (j === i || this.titleWithin(i, j - 1, j) !== undefined) return undefined
    const { gazetteer, countries } = this.fc
    const rest = this.text(i + 1, j)
    const known = (name: string) =>
      !!countries?.byName(name) || !!countries?.byCapital(name) || !!gazetteer?.has(name)
    if (gazetteer?.has(this.text(i, j)) && !this.lookupAt(i, j)?.lookup) {
      return { type: 'GPE', rule: 'gazetteer', confidence: 0.75 }
    }
    if (gazetteer?.has(this.text(i, j)) && this.lookup(i, i)?.type === 'NORP') {
      return { type: 'GPE', rule: 'gazetteer', confidence: 0.75 }
    }
    // After the gazetteer: "North Darfur" is a state (GPE), "Southern California" a region.
    if (DIRECTIONS.has((this.units[i] as Unit).text) && known(rest)) {
      return { type: 'LOC', rule: 'direction-place', confidence: 0.75 }
    }
    const last = this.units[j] as Unit
    // "New Jersey", "Great Britain", "Old Georgia" are places, not bodies.
    const placeWord = PLACE_ADJECTIVES.has((this.units[i] as Unit).text)
    if (countries?.byName(last.text) && placeWord && j - i === 1) {
      return { type: 'GPE', rule: 'place-shape', confidence: 0.6 }
    }
    if (countries?.byName(last.text) && !placeWord && !this.lookup(i, i) && j - i <= 2) {
      return { type: 'ORG', rule: 'country-named-body', confidence: 0.6 }
    }
    return undefined
  }

  /** Titles, modifiers and demonyms before a name: "Retired Ukrainian Major General Serhii Kryvonos". */
  private analysePrefixes(i: number, j: number): void {
    const roleParts: string[] = []
    let titled = false
    let gender: Gender = null
    let officeCountry: string | null = null
    let k = i
    while (k <= j) {
      const title = this.titleAt(k, j)
      if (title) {
        if (title.entry.kind === 'modifier') {
          roleParts.push(title.text.toLowerCase())
        } else {
          if (title.entry.kind !== 'honorific') roleParts.push(title.entry.full)
          titled = true
          gender ??= title.entry.gender
          if (title.entry.kind === 'office' && officeCountry === null && roleParts.length >= 2) {
            // "Ukrainian President" → "President of Ukraine".
            const demonym = roleParts[roleParts.length - 2] as string
            const country = this.fc.countries?.byDemonym(demonym)
            if (country) {
              roleParts.splice(roleParts.length - 2, 1)
              roleParts[roleParts.length - 1] = `${title.entry.full} of ${country.name}`
              officeCountry = country.cca2
            }
          }
        }
        k += title.words
        continue
      }
      const found = this.lookupAt(k, j)
      if (found && found.lookup.type === 'NORP' && k + found.words <= j) {
        // A demonym inside a title run is its own NORP mention.
        this.pushRun(k, k + found.words - 1, 'NORP', found.lookup.by, found.lookup.confidence, {})
        roleParts.push(this.text(k, k + found.words - 1))
        k += found.words
        continue
      }
      if (found && k + found.words <= j && found.lookup.type !== 'PERSON') {
        // "Kremlin spokesman": a known name followed by more capitals: emit it and go on.
        this.pushRun(
          k,
          k + found.words - 1,
          found.lookup.type,
          found.lookup.by,
          found.lookup.confidence,
          found.lookup,
        )
        k += found.words
        roleParts.length = 0
        continue
      }
      // "Texas Sen. Ted Cruz", "House Speaker Paul Ryan": a word or two of context before a title.
      // Up to four words: "National Republican Senatorial Committee Chairman Roger Wicker".
      const title2 = this.titleWithin(k + 1, Math.min(j, k + 4), j)
      if (title2 !== undefined) {
        // The context is a name of its own ("Texas", "Granville County"), typed as any run.
        this.analyse(k, title2 - 1)
        roleParts.push(this.text(k, title2 - 1))
        k = title2
        continue
      }
      break
    }
    if (k > j) return
    if (titled) {
      const role = roleParts.join(' ').trim() || null
      this.pushRun(k, j, 'PERSON', 'title', 0.9, { role, gender })
      return
    }
    if (k > i) {
      this.analyse(k, j)
      return
    }
    this.unknown(i, j)
  }

  /** The first unit index in [from, to] where a title (not a modifier) starts and a name follows. */
  private titleWithin(from: number, to: number, j: number): number | undefined {
    for (let t = from; t <= to; t++) {
      const title = this.titleAt(t, j)
      if (!title || title.entry.kind === 'modifier') continue
      // A role noun capitalised as a title leads a name too: "House Minority Leader Nancy
      // Pelosi", "Clinton Senior Adviser Sidney Blumenthal".
      if (title.entry.kind !== 'descriptor' || (this.units[t] as Unit).cap) return t
    }
    return undefined
  }

  /** A run no lexicon knows: type it from its context and shape. */
  private unknown(i: number, j: number): void {
    const first = this.units[i] as Unit
    const last = this.units[j] as Unit
    const name = this.text(i, j)
    const count = j - i + 1
    if (count === 1 && DESIGNATION.test(first.text)) return
    // "the Ukrainian Foreign Minister": a title with no name after it names no one.
    const titleName = this.beginsTitle(first) && this.fc.lex.titles.has(name.toLowerCase())
    if (titleName || this.endsWithTitle(i, j)) return
    if (count === 1 && first.upper && first.text.replace(/\./g, '').length <= 6) {
      this.pushRun(i, j, 'ORG', 'acronym', 0.6, {})
      return
    }
    // A title-like lower-case word right before: "spokesman Hou Zhenyu", "nurse Iryna Solovei".
    const descriptor = this.descriptorBefore(i) ?? this.descriptorBefore(i - 1, true)
    if (descriptor) {
      this.pushRun(i, j, 'PERSON', 'descriptor', 0.85, descriptor)
      return
    }
    const appositive = this.appositiveAfter(j)
    if (appositive?.type === 'PERSON') {
      this.pushRun(i, j, 'PERSON', 'appositive', 0.85, { role: appositive.role })
      return
    }
    const place = this.placeContext(i) ?? this.coordinatedPlace(i)
    if (place && !last.possessive) {
      this.pushRun(i, j, place.type, 'place-context', place.confidence, {})
      return
    }
    if (appositive) {
      this.pushRun(i, j, appositive.type, 'appositive', 0.75, {})
      return
    }
    // Sentence-initial agent plurals ("Residents described", "Organisers estimated") are not names.
    const agentPlural = first.initial && AGENT_PLURAL.test(first.text)
    // "the Benghazi attacks", "Gov. Jeb Bush of Florida said": a word after a determiner or
    // preposition is no speaker of the verb after it.
    const before = this.units[i - 1]
    const governed =
      before !== undefined &&
      before.kind === 'word' &&
      (before.pos === 'ADP' || before.pos === 'DET') &&
      before.sentence === first.sentence
    if (
      count === 1 &&
      !agentPlural &&
      !governed &&
      this.fc.lex.speechVerbs.has(this.units[j + 1]?.text ?? '')
    ) {
      // "Clinton said": an unknown single name that speaks is most likely a person.
      this.pushRun(i, j, 'PERSON', 'speaker-shape', 0.5, {})
      return
    }
    if (this.fc.gazetteer?.has(name)) {
      this.pushRun(i, j, 'GPE', 'gazetteer', 0.7, {})
      return
    }
    const word = last.lower
    if (count >= 2 && count <= 4 && this.personShaped(i, j)) {
      this.pushRun(i, j, 'PERSON', 'name-shape', 0.6, {})
      return
    }
    if (count === 1) {
      if (PLACE_SUFFIX.test(word) && word.length > 5) {
        this.pushRun(i, j, 'GPE', 'place-suffix', 0.5, {})
      } else if (SURNAME_SUFFIX.test(word) && word.length > 4) {
        this.pushRun(i, j, 'PERSON', 'surname-suffix', 0.45, {})
      } else {
        // A lone capital with no context (and, more so, a sentence-initial one) is kept only
        // when linked to a surer mention: on its own it was mostly a common noun or a name of
        // another type ("Forum", "Politics", "Navy" were GPEs).
        this.pushRun(i, j, 'GPE', 'default', first.initial ? 0.2 : 0.25, {})
      }
      return
    }
    // "FULL TEXT", "HOW CHINA'S DECLINE AFFECTS THE WORLD": words in capitals are a shouted
    // line, not an organisation (an acronym is one word).
    const shouted = first.upper && last.upper
    this.pushRun(i, j, 'ORG', 'default', shouted ? 0.2 : 0.35, {})
  }

  /**
   * Whether a sentence is written in title case: two or more of its words after the first are
   * capitalised function words ("Was", "Against", "With", "Over"), which running text writes
   * in lower case even inside names. Asked only for shape-typed names; answered once per
   * sentence (one pass over its units).
   */
  private titleCase(sentence: number): boolean {
    let known = this.titleCaseBySentence.get(sentence)
    if (known !== undefined) return known
    let functionWords = 0
    let words = 0
    let lowerCase = 0
    for (let k = this.firstUnitOf(sentence); k < this.units.length; k++) {
      const unit = this.units[k] as Unit
      if (unit.sentence !== sentence) break
      if (unit.kind !== 'word' || unit.initial) continue
      words++
      if (!unit.cap) lowerCase++
      else if (TITLE_CASE_WORDS.has(unit.lower)) functionWords++
    }
    // Or every word capitalised in a line long enough to be a sentence ("Paul Ryan Thinks
    // About Donald Trump"); a short line of names ("Joel B. Pollak") is not one.
    known = functionWords >= 2 || (words >= 4 && lowerCase === 0)
    this.titleCaseBySentence.set(sentence, known)
    return known
  }

  /** The first unit of a sentence (units are in text order; binary search). */
  private firstUnitOf(sentence: number): number {
    let lo = 0
    let hi = this.units.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.units[mid] as Unit).sentence < sentence) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private endsWithTitle(i: number, j: number): boolean {
    for (let k = i; k <= j; k++) {
      if (!this.beginsTitle(this.units[k] as Unit)) continue
      const entry = this.fc.lex.titles.get(this.text(k, j).toLowerCase())
      if (entry && entry.kind !== 'descriptor') return true
    }
    return false
  }

  private personShaped(i: number, j: number): boolean {
    for (let k = i; k <= j; k++) {
      const unit = this.units[k] as Unit
      // "Subcommittee on Consumer Protection": a lower-case word joins institutions, not names.
      if (unit.kind === 'word' && !unit.cap && !NAME_PARTICLES.has(unit.text)) return false
      if (unit.upper && unit.text.length > 2) return false
      if (/\d/.test(unit.text)) return false
    }
    return true
  }

  private isCommonHead(unit: Unit): boolean {
    const { lex } = this.fc
    const text = this.doc.text
    return (
      (lex.headStarts.mayStart(text, unit.start, unit.end) && lex.heads.has(unit.lower)) ||
      (lex.titleStarts.mayStart(text, unit.start, unit.end) && lex.titles.has(unit.lower))
    )
  }

  /** Sentence-initial capitals of words the text also writes in lower case, or that are not proper nouns. */
  private isCommonWord(unit: Unit): boolean {
    if (this.lowerWords.has(unit.lower)) return true
    if (this.midCaps.has(unit.text)) return false
    return unit.pos !== 'PROPN' && unit.pos !== 'X'
  }

  // -------------------------------------------------------------- lookups

  /** The lower-cased unit begins some title (most words begin none: no lower-cased copy). */
  private beginsTitle(unit: Unit): boolean {
    const { titleStarts, titlePrefixes } = this.fc.lex
    return (
      titleStarts.mayStart(this.doc.text, unit.start, unit.end) && titlePrefixes.has(unit.lower)
    )
  }

  /** The head entry of the lower-cased unit. */
  private headEntry(unit: Unit): HeadEntry | undefined {
    const { headStarts, heads } = this.fc.lex
    return headStarts.mayStart(this.doc.text, unit.start, unit.end)
      ? heads.get(unit.lower)
      : undefined
  }

  /** The known name that is exactly units[i..j] (asked many times per run: remembered). */
  private lookup(i: number, j: number): Lookup | undefined {
    if (j - i >= SPAN_WIDTH) return this.computeLookup(i, j)
    const key = i * SPAN_WIDTH + (j - i)
    let found = this.lookups.get(key)
    if (found === undefined) {
      found = this.computeLookup(i, j) ?? null
      this.lookups.set(key, found)
    }
    return found ?? undefined
  }

  // Answers by unit span (see SPAN_WIDTH): analysis asks for the same spans repeatedly.
  private readonly lookups = new Map<number, Lookup | null>()
  private readonly titles = new Map<number, TitleAt | null>()

  private computeLookup(i: number, j: number): Lookup | undefined {
    const text = this.text(i, j)
    const { lex, outlet, countries } = this.fc
    // Cheap filters on the first two characters before the lexicon and the memo are asked.
    const start = (this.units[i] as Unit).start
    const end = (this.units[j] as Unit).end
    const source = this.doc.text
    const mayBeNamed = lex.namedStarts.mayStart(source, start, end)
    const named = mayBeNamed ? lex.named.get(text) : undefined
    if (named && (!named.ambiguous || this.afterChannelWord(i))) {
      return {
        type: named.type,
        by: named.kind ? 'outlet' : 'known-name',
        confidence: 0.95,
        identity: null,
        aliases: named.aliases,
      }
    }
    if (outlet && text === outlet) {
      return { type: 'ORG', by: 'outlet', confidence: 0.95, identity: null, aliases: [] }
    }
    // NORP terms pass the named filter; countries, demonyms and capitals their own.
    if (!mayBeNamed && !(countries && countryPrefixes(countries).mayStart(source, start, end)))
      return undefined
    // Country, demonym and capital answers depend on the text alone: remembered across docs.
    const answers = (this.countryAnswers ??= countryAnswersFor(lex, countries))
    let known = answers.get(text)
    if (known === undefined) {
      known = this.countryLookup(text) ?? null
      answers.set(text, known)
    }
    return known ?? undefined
  }

  private countryAnswers: Memo<Lookup | null> | undefined

  private countryLookup(text: string): Lookup | undefined {
    const { lex, countries } = this.fc
    if (countries) {
      const country = countries.byName(text)
      if (country) {
        return {
          type: 'GPE',
          by: 'country',
          confidence: 0.95,
          identity: `country:${country.cca2}`,
          aliases: [country.name],
        }
      }
      const demonym = countries.byDemonym(text)
      if (demonym)
        return {
          type: 'NORP',
          by: 'demonym',
          confidence: 0.9,
          identity: `norp:${demonym.cca2}`,
          aliases: [],
        }
      const capital = countries.byCapital(text)
      if (capital)
        return { type: 'GPE', by: 'capital', confidence: 0.9, identity: null, aliases: [] }
    }
    if (lex.norp.has(text))
      return { type: 'NORP', by: 'norp', confidence: 0.9, identity: null, aliases: [] }
    return undefined
  }

  /** The longest known name starting at units[i] and ending at or before units[j]. */
  private lookupAt(i: number, j: number): { lookup: Lookup; words: number } | undefined {
    let max = Math.min(j, i + Math.max(this.fc.lex.namedMaxWords, 3) - 1)
    // Only a unit that begins some known name can begin a longer one (asked only when the
    // run has more than one unit: most runs are a single word).
    if (max > i && !this.mayLeadName(i)) max = i
    for (let k = max; k >= i; k--) {
      const lookup = this.lookup(i, k)
      if (lookup) return { lookup, words: k - i + 1 }
    }
    return undefined
  }

  /** Whether units[i] is the start of a known name, a country's name, demonym or capital. */
  private mayLeadName(i: number): boolean {
    // A plain array of small integers: a typed array per doc costs a backing store.
    this.leads ??= new Array<number>(this.units.length).fill(0)
    const known = this.leads[i]
    if (known !== 0) return known === 1
    {
      const unit = this.units[i] as Unit
      const { lex, countries, outlet } = this.fc
      const text = this.doc.text
      const answer =
        (lex.namedStarts.mayStart(text, unit.start, unit.end) &&
          lex.namedPrefixes.has(unit.text)) ||
        (!!outlet && outlet.startsWith(unit.text)) ||
        (!!countries && countryPrefixes(countries).has(text, unit))
      this.leads[i] = answer ? 1 : 2
      return answer
    }
  }

  // Per unit: 0 not yet asked, 1 may lead a known name, 2 may not.
  private leads: number[] | undefined

  private afterChannelWord(i: number): boolean {
    const previous = this.units[i - 1]?.lower
    return previous === 'on' || previous === 'via'
  }

  private titleAt(i: number, j: number): TitleAt | undefined {
    if (j - i >= SPAN_WIDTH) return this.computeTitleAt(i, j)
    const key = i * SPAN_WIDTH + (j - i)
    let found = this.titles.get(key)
    if (found === undefined) {
      found = this.computeTitleAt(i, j) ?? null
      this.titles.set(key, found)
    }
    return found ?? undefined
  }

  private computeTitleAt(i: number, j: number): TitleAt | undefined {
    const { titles, titleMaxWords } = this.fc.lex
    // A unit that begins no title begins no multi-word title either.
    const first = this.units[i] as Unit
    if (!this.beginsTitle(first)) return undefined
    const max = Math.min(j, i + titleMaxWords - 1)
    for (let k = max; k >= i; k--) {
      const text = this.text(i, k)
      const entry = titles.get(k === i ? first.lower : text.toLowerCase())
      // Descriptors ("spokesman") lead a name only when capitalised as a title ("Spokesman X").
      if (entry && k < j) return { entry, words: k - i + 1, text }
      if (entry && entry.kind === 'modifier' && k === j) return undefined
    }
    return undefined
  }

  /** Type of a run from its head word (last word, or the word before "of"/"for") or first word. */
  private headType(
    i: number,
    j: number,
  ): { type: EntityType; by: string; confidence: number } | undefined {
    const last = this.units[j] as Unit
    const lastHead = this.headOf(last)
    if (lastHead && j > i) return { type: lastHead.type, by: 'head', confidence: 0.85 }
    // "Eglinton Avenue West": a direction after a street or place head.
    const beforeLast = j > i + 1 ? this.headOf(this.units[j - 1] as Unit) : undefined
    if (beforeLast && DIRECTIONS.has(last.text)) {
      return { type: beforeLast.type, by: 'head', confidence: 0.8 }
    }
    for (let k = i + 1; k < j; k++) {
      const unit = this.units[k] as Unit
      const joinsIn = unit.text === 'in' && IN_HEADS.has((this.units[k - 1] as Unit).text)
      if ((CONNECTORS.has(unit.text) && unit.text !== '&') || joinsIn) {
        const head = this.headOf(this.units[k - 1] as Unit)
        if (head) return { type: head.type, by: 'head', confidence: 0.85 }
        break
      }
    }
    if (lastHead && j === i && lastHead.type === 'FAC' && !last.initial) {
      return { type: 'FAC', by: 'head', confidence: 0.5 }
    }
    if (lastHead && j === i && (lastHead.type === 'ORG' || lastHead.type === 'EVENT')) {
      // A lone head word ("Parliament", "Congress") is a name only mid-sentence.
      if (!last.initial && lastHead.nominal === false)
        return { type: lastHead.type, by: 'head', confidence: 0.5 }
    }
    const prefix = this.fc.lex.prefixes.get((this.units[i] as Unit).text)
    if (prefix && j > i) return { type: prefix, by: 'prefix', confidence: 0.8 }
    return undefined
  }

  // -------------------------------------------------------------- context

  /** "near Tarasivka and Bilohorivka": a name coordinated with a place found by context is a place. */
  private coordinatedPlace(i: number): { type: EntityType; confidence: number } | undefined {
    const joiner = this.units[i - 1]
    if (!joiner || (joiner.text !== 'and' && joiner.text !== 'or' && joiner.text !== ','))
      return undefined
    const before = this.units[i - 2]
    const previous = this.out[this.out.length - 1]
    if (!before || !previous || previous.end !== before.end) return undefined
    if (previous.by !== 'entities/place-context' && previous.by !== 'entities/gazetteer')
      return undefined
    return { type: previous.type, confidence: Math.round((previous.confidence - 0.1) * 100) / 100 }
  }

  /** "in X", "near X", "the village of X", "west of X". */
  private placeContext(i: number): { type: EntityType; confidence: number } | undefined {
    const previous = this.units[i - 1]
    if (!previous) return undefined
    const word = previous.lower
    if (word === 'of') {
      const noun = this.units[i - 2]?.lower
      const type = noun ? PLACE_NOUNS.get(noun) : undefined
      return type ? { type, confidence: 0.85 } : undefined
    }
    const noun = PLACE_NOUNS.get(word)
    if (noun && previous.kind === 'word' && !previous.cap) return { type: noun, confidence: 0.6 }
    const confidence = PLACE_PREPOSITIONS.get(word)
    return confidence !== undefined ? { type: 'GPE', confidence } : undefined
  }

  /** A role noun right before the name, and the role phrase it ends. */
  private descriptorBefore(
    i: number,
    afterComma = false,
  ): { role: string; gender: Gender } | undefined {
    // "his lawyer, Nino Abashidze": the descriptor may sit before a comma.
    if (afterComma && this.units[i]?.text !== ',') return undefined
    const previous = this.units[i - 1]
    if (!previous || previous.kind !== 'word' || previous.cap) return undefined
    const entry = this.fc.lex.titles.get(previous.lower)
    if (!entry || entry.kind === 'modifier' || entry.kind === 'honorific') return undefined
    // Walk back over the noun phrase: "Chinese foreign ministry spokesman".
    // Stop after a capitalised word: "signals Russian ruler" keeps "Russian ruler".
    let k = i - 1
    while (k > 0) {
      const unit = this.units[k - 1] as Unit
      if (unit.sentence !== previous.sentence) break
      // "34-year-old nurse": numbers and hyphens belong to the phrase.
      if (unit.kind !== 'word' && !/^(\d.*|-)$/.test(unit.text)) break
      if (/^(DET|ADP|VERB|AUX|PRON|CCONJ|SCONJ|PART|ADV)$/.test(unit.pos)) break
      if (!unit.cap && (this.units[k] as Unit).cap && k < i - 1) break
      k--
    }
    const role = this.doc.text.slice((this.units[k] as Unit).start, previous.end)
    return { role, gender: entry.gender }
  }

  /** ", a village in …", ", head of the …", ", 63,": what the appositive says the name is. */
  private appositiveAfter(j: number): { type: EntityType; role: string | null } | undefined {
    const comma = this.units[j + 1]
    if (comma?.text !== ',') return undefined
    let k = j + 2
    const first = this.units[k]
    if (!first) return undefined
    if (/^\d{1,3}$/.test(first.text) && this.units[k + 1]?.text === ',')
      return { type: 'PERSON', role: null }
    if (/^(a|an|the)$/i.test(first.text)) k++
    const roleStart = this.units[k]
    for (let n = 0; n < 6; n++, k++) {
      const unit = this.units[k]
      if (!unit || unit.sentence !== comma.sentence) return undefined
      // "a 24-year-old student": numbers and hyphens inside the appositive.
      if (unit.kind !== 'word') {
        if (/^(\d+|-)$/.test(unit.text)) continue
        return undefined
      }
      // "the group's coordinator", "the city's mayor": a possessive noun is an owner, not the head.
      if (unit.possessive && this.units[k + 1]?.kind === 'word') continue
      const word = unit.lower
      // "the homeland of Senator Ron Wyden": the head comes before its complement.
      if (unit.pos === 'ADP') return undefined
      if (APPOSITIVE_PLACE.has(word)) return { type: 'GPE', role: null }
      if (APPOSITIVE_ORG.has(word)) return { type: 'ORG', role: null }
      const title = this.fc.lex.titles.get(word)
      if (
        title &&
        title.kind !== 'modifier' &&
        title.kind !== 'honorific' &&
        !this.nounPhraseGoesOn(k)
      ) {
        return { type: 'PERSON', role: this.roleUntilPause(roleStart as Unit) }
      }
    }
    return undefined
  }

  /** "a private equity firm", "a major bank": a lower-case noun or adjective after the word. */
  private nounPhraseGoesOn(k: number): boolean {
    const next = this.units[k + 1]
    if (!next || next.kind !== 'word' || next.cap) return false
    return next.pos === 'NOUN' || next.pos === 'ADJ'
  }

  /** The appositive's text up to the next comma or the end of the sentence. */
  private roleUntilPause(from: Unit): string {
    const startIndex = this.unitIndexAt(from.start)
    let k = startIndex
    while (k + 1 < this.units.length && k - startIndex < 14) {
      const next = this.units[k + 1] as Unit
      if (next.sentence !== from.sentence || /^[,;:.!?"“”()—–]$/.test(next.text)) break
      // A relative clause describes the role, it is not part of it.
      if (/^(who|which|that|whose|whom)$/.test(next.text)) break
      k++
    }
    return this.doc.text.slice(from.start, (this.units[k] as Unit).end)
  }

  // -------------------------------------------------------------- output

  private pushRun(
    i: number,
    j: number,
    type: EntityType,
    rule: string,
    confidence: number,
    extra: Partial<Lookup> & { role?: string | null; gender?: Gender; name?: string },
  ): void {
    const first = this.units[i] as Unit
    let last = this.units[j] as Unit
    let end = last.end
    let finalType = type
    let finalRule = rule
    let finalConfidence = confidence
    // A lower-case head after the name: "Rostov region", "Abu Shouk camp", "the Georgian Dream party".
    const next = this.units[j + 1]
    if (next && next.kind === 'word' && !next.cap && !last.possessive && finalType !== 'NORP') {
      let head = this.fc.lex.heads.get(next.text)
      let through = next
      const afterNext = this.units[j + 2]
      if (
        !head &&
        afterNext &&
        afterNext.kind === 'word' &&
        !afterNext.cap &&
        next.pos === 'NOUN'
      ) {
        // "Ramstein defense meeting": one modifier before an event head.
        const eventHead = this.fc.lex.heads.get(afterNext.text)
        if (eventHead?.type === 'EVENT') {
          head = eventHead
          through = afterNext
        }
      }
      if (
        head &&
        (head.lower === 'after-name' || head.lower === 'types-name') &&
        this.canRetype(finalType, rule)
      ) {
        finalType = head.type
        finalRule = 'lower-head'
        finalConfidence = Math.max(confidence, 0.8)
        if (head.lower === 'after-name') {
          end = through.end
          last = through
        }
      }
    }
    // In a headline written in title case every word is capitalised: a shape alone says nothing
    // there ("Railing Against Trump", "Curious Plan"), so such a name stands only when the
    // article names it again in running text (then the mentions link).
    if (SHAPE_RULES.has(finalRule) && this.titleCase(first.sentence)) {
      finalConfidence = Math.min(finalConfidence, 0.2)
    }
    let identity = extra.identity ?? null
    if (end === last.end && !last.possessive) {
      const extended = this.lowerInstitution(j, finalType, finalRule)
      if (extended) {
        end = extended
        finalType = 'ORG'
        finalRule = finalRule === 'known-name' ? 'sub-unit' : 'local-authority'
        finalConfidence = 0.75
        extra = { ...extra, aliases: [] }
      }
    }
    // A one-unit name is the unit's own string (already hashed by the lookups that typed it).
    const name =
      extra.name ?? (end === first.end ? first.text : this.doc.text.slice(first.start, end))
    if (finalType === 'ORG' && identity === null) identity = this.institutionIdentity(name)
    const acronym = this.acronymAfter(j)
    const candidate = this.push(first.start, end, finalType, finalRule, finalConfidence, {
      name,
      role: extra.role ?? null,
      gender: extra.gender ?? null,
      identity,
      aliases: extra.aliases ?? [],
      acronym,
      words: this.wordsOf(i, j),
      quoted: first.quoted,
      at: i,
    })
    if (acronym) {
      this.push(acronym.start, acronym.end, finalType, 'acronym-defined', 0.9, {
        aliases: [candidate.name],
        quoted: first.quoted,
      })
    }
    this.possessiveComposition(i, j, candidate)
  }

  /**
   * Lower-case institutions after a name: "the United Nations human rights
   * office" (a known body's sub-unit) and "the Pokrovsk city military
   * administration" (a place's local authority). Returns the new end.
   */
  private lowerInstitution(j: number, type: EntityType, rule: string): number | undefined {
    const known = rule === 'known-name' && type === 'ORG'
    const place =
      type === 'GPE' || rule === 'default' || rule === 'place-context' || rule === 'place-suffix'
    if (!known && !place) return undefined
    const first = this.units[j + 1]
    if (!first || first.kind !== 'word' || first.cap) return undefined
    if (place && !known && !LOCAL_LEVELS.has(first.text)) return undefined
    for (let k = j + 1; k <= j + 4; k++) {
      const unit = this.units[k]
      if (!unit || unit.kind !== 'word' || unit.cap || unit.sentence !== first.sentence)
        return undefined
      if ((known ? SUB_UNIT_HEADS : LOCAL_HEADS).has(unit.text)) {
        const following = this.units[k + 1]
        if (following?.kind === 'word' && following.pos === 'NOUN') return undefined
        return unit.end
      }
      if (unit.pos !== 'ADJ' && unit.pos !== 'NOUN') return undefined
    }
    return undefined
  }

  /**
   * The identity of a national institution named with its country: "Russian
   * Defence Ministry", "Ministry of Foreign Affairs of Ukraine", "Ukrainian Air
   * Force" → "org:RU:defence ministry", "org:UA:foreign ministry", …
   */
  private institutionIdentity(name: string): string | null {
    const countries = this.fc.countries
    if (!countries) return null
    // Most names are one word: no country before or after an institution.
    if (!/\s/.test(name)) return null
    const words = name.split(/\s+/)
    if (words.length < 2) return null
    const firstCountry = countries.byDemonym(words[0] as string)
    if (firstCountry) return `org:${firstCountry.cca2}:${conceptKey(words.slice(1).join(' '))}`
    const of = words.lastIndexOf('of')
    if (of > 0 && of < words.length - 1) {
      const tail = countries.byName(words.slice(of + 1).join(' '))
      if (tail) return `org:${tail.cca2}:${conceptKey(words.slice(0, of).join(' '))}`
    }
    return null
  }

  /** Context and shape guesses may be overridden by a lower-case head; lexicon hits may not. */
  private canRetype(type: EntityType, rule: string): boolean {
    if (rule === 'country' || rule === 'capital' || rule === 'known-name' || rule === 'outlet') {
      return false
    }
    return (
      type !== 'PERSON' ||
      rule === 'name-shape' ||
      rule === 'surname-suffix' ||
      rule === 'speaker-shape'
    )
  }

  private wordsOf(i: number, j: number): string[] {
    const words: string[] = []
    for (let k = i; k <= j; k++) {
      const unit = this.units[k] as Unit
      if (unit.kind === 'word') words.push(unit.text)
    }
    return words
  }

  /** "Rapid Support Forces (RSF)": the acronym is defined by the parenthesis. */
  private acronymAfter(j: number): Span | null {
    const open = this.units[j + 1]
    const inner = this.units[j + 2]
    const close = this.units[j + 3]
    if (open?.text !== '(' || close?.text !== ')' || !inner) return null
    if (!/^[\p{Lu}][\p{Lu}\p{N}.&-]{1,9}$/u.test(inner.text)) return null
    return { start: inner.start, end: inner.end }
  }

  /**
   * "Russia’s Defence Ministry", "Sudan’s army", "Chinese foreign ministry": a
   * country (possessive) or demonym followed by an institution is one ORG whose
   * identity is the country and the institution, so that "Ukraine’s Foreign
   * Ministry" and "Ministry of Foreign Affairs of Ukraine" join.
   */
  private possessiveComposition(i: number, j: number, candidate: Candidate): void {
    const first = this.units[i] as Unit
    const last = this.units[j] as Unit
    const countries = this.fc.countries
    if (!countries) return
    // Cheap checks first: a GPE must be possessive, and a lower-case word must follow in the
    // sentence (the loop below asks the same), before the country indexes are asked.
    if (candidate.type === 'GPE' && !last.possessive) return
    const next = this.units[j + 1]
    if (!next || next.kind !== 'word' || next.cap || next.sentence !== first.sentence) return
    const country =
      candidate.type === 'GPE' && i === j - 0
        ? (countries.byName(candidate.name) ?? countries.byCapital(candidate.name))
        : candidate.type === 'NORP'
          ? countries.byDemonym(candidate.name)
          : undefined
    if (!country) return
    // Lower-case institution: up to two modifiers, then a head allowed after a country.
    let k = j + 1
    for (let n = 0; n < 3; n++, k++) {
      const unit = this.units[k]
      if (!unit || unit.kind !== 'word' || unit.cap || unit.sentence !== first.sentence) return
      const head = this.fc.lex.heads.get(unit.text)
      if (head?.lower === 'after-country') {
        // "a Ukrainian military source" is a source, not the military; "spokesman" is fine.
        const following = this.units[k + 1]
        if (
          following?.kind === 'word' &&
          following.pos === 'NOUN' &&
          !this.fc.lex.titles.has(following.text)
        )
          return
        const end = unit.end
        this.replaceWithOrg(
          candidate,
          first.start,
          end,
          country.cca2,
          this.conceptOf(j + 1, k),
          'country-institution',
        )
        return
      }
      if (unit.pos !== 'ADJ' && unit.pos !== 'NOUN') return
    }
    void k
  }

  private replaceWithOrg(
    candidate: Candidate,
    start: number,
    end: number,
    cca2: string,
    concept: string,
    rule: string,
  ): void {
    const org = this.push(start, end, 'ORG', rule, 0.8, {
      identity: `org:${cca2}:${concept}`,
      quoted: candidate.quoted,
    })
    if (candidate.type === 'NORP') {
      // A demonym inside an institution's name is not a mention of its own.
      // It was pushed last or nearly so: search from the end.
      this.out.splice(this.out.lastIndexOf(candidate), 1)
    } else {
      candidate.nested = true
    }
    void org
  }

  /** The institution words of units[i..j], folded: "Defence Ministry" → "defence ministry". */
  private conceptOf(i: number, j: number): string {
    return conceptKey(this.wordsOf(i, j).join(' '))
  }

  /** Index of the first unit starting at or after `offset` (binary search). */
  private unitIndexAt(offset: number): number {
    let lo = 0
    let hi = this.units.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.units[mid] as Unit).start < offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  push(
    start: number,
    end: number,
    type: EntityType,
    rule: string,
    confidence: number,
    extra: {
      name?: string
      role?: string | null
      gender?: Gender
      identity?: string | null
      aliases?: string[]
      acronym?: Span | null
      words?: string[]
      quoted?: boolean
      /** The index of the unit at `start`, when the caller knows it (no binary search). */
      at?: number
    },
  ): Candidate {
    const unit =
      (extra.at !== undefined ? this.units[extra.at] : undefined) ??
      this.units[this.unitIndexAt(start)] ??
      (this.units[0] as Unit)
    const name = extra.name ?? this.doc.text.slice(start, end)
    const candidate: Candidate = {
      start,
      end,
      type,
      by: ruleId(rule),
      confidence,
      name,
      role: extra.role ?? null,
      gender: extra.gender ?? null,
      identity: extra.identity ?? null,
      lexiconAliases: extra.aliases ?? [],
      acronym: extra.acronym ?? null,
      words: extra.words ?? name.split(/\s+/),
      quoted: extra.quoted ?? false,
      paragraph: unit.paragraph,
      sentence: unit.sentence,
      nested: false,
    }
    this.out.push(candidate)
    return candidate
  }
}

// "entities/<rule>" once per rule, not a fresh concatenation per candidate (the rules are few).
const RULE_IDS = new Map<string, string>()

function ruleId(rule: string): string {
  let id = RULE_IDS.get(rule)
  if (id === undefined) {
    id = `entities/${rule}`
    RULE_IDS.set(rule, id)
  }
  return id
}

// Country, demonym, capital and NORP answers by text, per lexicons and countries resource.
const countryAnswerCache = new WeakMap<Compiled, Map<Countries | null, Memo<Lookup | null>>>()

function countryAnswersFor(lex: Compiled, countries: Countries | undefined): Memo<Lookup | null> {
  let byCountries = countryAnswerCache.get(lex)
  if (!byCountries) {
    byCountries = new Map()
    countryAnswerCache.set(lex, byCountries)
  }
  let answers = byCountries.get(countries ?? null)
  if (!answers) {
    answers = new Memo(MEMO_LIMIT)
    byCountries.set(countries ?? null, answers)
  }
  return answers
}

/**
 * The words a text writes in lower case, asked only about a few sentence-initial
 * capitals. On the first question every lower-case word is hashed from its characters
 * (no slice) into a bitmap; a word whose bit is clear is absent, and a set bit is
 * confirmed by comparing with the units of that length.
 */
class WordIndex {
  /** The fill of the shared bitmap that is this index's (-1: never filled). */
  private generation = -1

  constructor(
    private readonly units: readonly Unit[],
    private readonly text: string,
  ) {}

  private fill(): void {
    WORD_BITS.fill(0)
    this.generation = ++bitsGeneration
    const text = this.text
    for (const unit of this.units) {
      if (unit.kind !== 'word' || unit.cap) continue
      setBit(hashChars(text, unit.start, unit.end))
    }
  }

  has(word: string): boolean {
    if (word.length === 0) return false
    // The bitmap is shared by all indexes; refill it if another article's index used it since.
    if (this.generation !== bitsGeneration) this.fill()
    if (!hasBit(hashChars(word, 0, word.length))) return false
    const text = this.text
    const length = word.length
    for (const unit of this.units) {
      if (unit.kind !== 'word' || unit.cap || unit.end - unit.start !== length) continue
      if (text.startsWith(word, unit.start)) return true
    }
    return false
  }
}

// One bitmap of 2^16 bits for the word index in use (articles are processed one at a time).
const WORD_BITS = new Uint32Array(2048)
let bitsGeneration = 0

function setBit(hash: number): void {
  const bit = hash & 0xffff
  WORD_BITS[bit >>> 5] = (WORD_BITS[bit >>> 5] as number) | (1 << (bit & 31))
}

function hasBit(hash: number): boolean {
  const bit = hash & 0xffff
  return ((WORD_BITS[bit >>> 5] as number) & (1 << (bit & 31))) !== 0
}

/** FNV-1a over the UTF-16 code units of text[start, end). */
function hashChars(text: string, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let k = start; k < end; k++) {
    h ^= text.charCodeAt(k)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/**
 * Which units can begin a country's name, demonym or capital, for `mayLeadName`: every
 * prefix of those strings as written (the exact matches of short capitals: "U.S.") and
 * folded as `Countries` folds them. Built once per countries resource.
 */
class CountryPrefixes {
  private readonly raw: Set<string>
  private readonly folded: Set<string>
  private readonly rawStarts: StartFilter
  private readonly foldedStarts: StartFilter

  constructor(countries: Countries) {
    const all: string[] = []
    for (const c of countries.all) all.push(...c.names, ...c.demonyms, ...c.capitals)
    const folded = all.map(countryFold)
    this.raw = prefixesOf(all)
    this.folded = prefixesOf(folded)
    this.rawStarts = new StartFilter(all, false)
    this.foldedStarts = new StartFilter(folded, true)
  }

  /** Whether the unit (of the document `source`) begins a country's name, demonym or capital. */
  has(source: string, unit: Unit): boolean {
    const rawMay = this.rawStarts.mayStart(source, unit.start, unit.end)
    if (rawMay && this.raw.has(unit.text)) return true
    if (!this.foldedStarts.mayStart(source, unit.start, unit.end)) return false
    const text = unit.text
    // ASCII without a backtick folds to its lower case (units hold no spaces to trim).
    return this.folded.has(isPlainAscii(text) ? unit.lower : countryFold(text))
  }

  /** False only when no name, demonym or capital (as written or folded) starts like source[start, end). */
  mayStart(source: string, start: number, end: number): boolean {
    return (
      this.rawStarts.mayStart(source, start, end) || this.foldedStarts.mayStart(source, start, end)
    )
  }
}

const prefixCache = new WeakMap<Countries, CountryPrefixes>()

function countryPrefixes(countries: Countries): CountryPrefixes {
  let prefixes = prefixCache.get(countries)
  if (!prefixes) {
    prefixes = new CountryPrefixes(countries)
    prefixCache.set(countries, prefixes)
  }
  return prefixes
}

/** The folding of `Countries` lookups (src/resources/countries.ts `foldName`): keep in step. */
function countryFold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .toLowerCase()
    .trim()
}

function isPlainAscii(text: string): boolean {
  for (let n = 0; n < text.length; n++) {
    const c = text.charCodeAt(n)
    if (c > 126 || c === 96) return false
  }
  return true
}

/** Title-case an all-caps dateline: "PORT SUDAN" → "Port Sudan". */
export function titleCase(text: string): string {
  const lower = text.toLowerCase()
  let out = ''
  let boundary = true
  for (const ch of lower) {
    out += boundary && isLetter(ch) ? ch.toUpperCase() : ch
    boundary = ch === '-' || SPACE.test(ch)
  }
  return out
}

const SPACE = /^\s$/
const LETTER = /^\p{L}$/u

function isLetter(ch: string): boolean {
  const code = ch.charCodeAt(0)
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return LETTER.test(ch)
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

const CONCEPT_SYNONYMS: Readonly<Record<string, string>> = {
  defense: 'defence',
  internal: 'interior',
  military: 'military',
  armed: 'army',
}
const CONCEPT_DROP = new Set(['of', 'the', 'affairs', 'for', 'and', 'forces'])

/**
 * The institution part of an ORG name as a sorted bag of folded words, so that
 * "Foreign Ministry" and "Ministry of Foreign Affairs" agree: "foreign ministry".
 */
export function conceptKey(words: string): string {
  let key = conceptMemo.get(words)
  if (key === undefined) {
    key = computeConceptKey(words)
    conceptMemo.set(words, key)
  }
  return key
}

// Institutions recur across articles: remembered, bounded (see Memo).
const conceptMemo = new Memo<string>(MEMO_LIMIT)

function computeConceptKey(words: string): string {
  return words
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w && !CONCEPT_DROP.has(w))
    .map((w) => CONCEPT_SYNONYMS[w] ?? w)
    .sort()
    .join(' ')
}
