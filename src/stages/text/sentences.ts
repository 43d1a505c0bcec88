import type { Token } from '../../core/record.js'

/** A sentence as an inclusive range of token indexes, with the rule that made it. */
export interface SentenceRange {
  from: number
  to: number
  by: string
}

/**
 * Abbreviations that stand before a name or a number and never end a sentence
 * in news copy: ranks and titles ("Maj. Gen. Serhii Kryvonos"), "St. Petersburg".
 * wink ends a sentence after some of them.
 */
export const NAME_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Rev',
  'Fr',
  'St',
  'Mt',
  'Ft',
  'Gen',
  'Lt',
  'Col',
  'Maj',
  'Capt',
  'Cpt',
  'Sgt',
  'Cpl',
  'Pvt',
  'Adm',
  'Brig',
  'Cmdr',
  'Gov',
  'Sen',
  'Rep',
  'Pres',
  'Amb',
  'Supt',
  'Insp',
  'Hon',
  'Messrs',
  'vs',
])
/** Abbreviations that stand before a number: "No. 3", "Sept. 5", "Art. 111". */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'No',
  'Nos',
  'Art',
  'Vol',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'approx',
  'ca',
  'p',
  'pp',
])

const CONTINUING_PUNCTUATION: ReadonlySet<string> = new Set([',', ';'])
const CLOSING_QUOTES = new Set(['”', '’', '»', '"', "'"])
const OPENING_PUNCTUATION = /^[“‘«"'([—–-]$/

/**
 * Correct wink's sentences for news typography, in one pass:
 * - an abbreviation before a name or number does not end a sentence
 *   ("Maj." + "Gen. Serhii Kryvonos", "Sept." + "5");
 * - a single initial does not either ("J." + "K. Rowling");
 * - a "sentence" that starts in lower case, or with a comma or a
 *   semicolon, continues the previous one ("“Are you sure?”" + "he asked.", "U.S." +
 *   "officials", "(D-Mo.)" + ", who …");
 * - a closing quotation mark stranded at the start of a sentence belongs to
 *   the previous one.
 * Ranges never merge across a paragraph break (they arrive cut at them).
 */
export function fixSentences(
  text: string,
  tokens: readonly Token[],
  ranges: readonly SentenceRange[],
): SentenceRange[] {
  const out: SentenceRange[] = []
  for (const range of ranges) {
    const previous = out[out.length - 1]
    if (
      previous &&
      !text
        .slice((tokens[previous.to] as Token).end, (tokens[range.from] as Token).start)
        .includes('\n')
    ) {
      const rule = mergeRule(text, tokens, previous, range)
      if (rule) {
        previous.to = range.to
        previous.by = rule
        continue
      }
      const stranded = strandedQuote(text, tokens, range)
      if (stranded) {
        previous.to = range.from
        if (range.from === range.to) continue
        out.push({ from: range.from + 1, to: range.to, by: 'text/closing-quote' })
        continue
      }
    }
    out.push({ ...range })
  }
  return out
}

function mergeRule(
  text: string,
  tokens: readonly Token[],
  previous: SentenceRange,
  next: SentenceRange,
): string | null {
  const last = tokens[previous.to] as Token
  const lastText = text.slice(last.start, last.end)
  // The word the period belongs to: "Maj" + "." (split) or "Gen." (one token).
  let word = ''
  if (lastText === '.') {
    const before = tokens[previous.to - 1]
    if (before && before.end === last.start) word = text.slice(before.start, before.end)
  } else if (lastText.endsWith('.')) {
    word = lastText.slice(0, -1)
  }
  const first = firstWord(text, tokens, next)
  if (word && NAME_ABBREVIATIONS.has(word) && first && /^[\p{Lu}\d]/u.test(first)) {
    return 'text/abbreviation'
  }
  if (word && NUMBER_ABBREVIATIONS.has(word) && first && /^\d/.test(first))
    return 'text/abbreviation'
  if (word && /^\p{Lu}$/u.test(word) && first && /^\p{Lu}/u.test(first)) return 'text/initial'
  if (first && /^\p{Ll}/u.test(first)) return 'text/lowercase-continuation'
  // No sentence starts with a comma or a semicolon: "Sen. Claire McCaskill (D-Mo.), who
  // has endorsed Clinton, said …" is one sentence after an abbreviation's full stop.
  if (first && CONTINUING_PUNCTUATION.has(first)) return 'text/punctuation-continuation'
  return null
}

/** The first word of a range, skipping opening quotes, brackets and dashes. */
function firstWord(text: string, tokens: readonly Token[], range: SentenceRange): string | null {
  for (let i = range.from; i <= range.to; i++) {
    const token = tokens[i] as Token
    const value = text.slice(token.start, token.end)
    if (OPENING_PUNCTUATION.test(value)) continue
    return value
  }
  return null
}

function strandedQuote(text: string, tokens: readonly Token[], range: SentenceRange): boolean {
  const token = tokens[range.from] as Token
  const value = text.slice(token.start, token.end)
  if (!CLOSING_QUOTES.has(value) || value === '"' || value === "'") return false
  // Closing marks hug the word before them.
  return token.start > 0 && text[token.start - 1] !== ' '
}
