import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import type { Paragraph, Sentence, Token } from '../../core/record.js'

// The model is loaded once per process (about 100 ms); every doc shares it.
let nlp: ReturnType<typeof winkNLP> | undefined
function getNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model)
  return nlp
}

/** Paragraphs are the lines of the normalised text (normalisation folds blank lines). */
export function findParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    if (end > start) paragraphs.push({ start, end })
    start = end + 1
  }
  return paragraphs
}

/**
 * Tokens with parts of speech and sentences, read paragraph by paragraph so that
 * a sentence never crosses a paragraph break. Offsets are recovered by walking
 * the paragraph text, because wink reports token values, not positions.
 */
export function tokenize(
  text: string,
  paragraphs: readonly Paragraph[],
): { sentences: Sentence[]; tokens: Token[] } {
  const { its } = getNlp()
  const sentences: Sentence[] = []
  const tokens: Token[] = []
  paragraphs.forEach((paragraph, paragraphIndex) => {
    const body = text.slice(paragraph.start, paragraph.end)
    const wdoc = getNlp().readDoc(body)
    const values = wdoc.tokens().out() as string[]
    const pos = wdoc.tokens().out(its.pos) as string[]
    const kinds = wdoc.tokens().out(its.type) as string[]
    const first = tokens.length
    const starts: number[] = []
    let cursor = 0
    values.forEach((value, i) => {
      let at = body.indexOf(value, cursor)
      // wink may normalise a token's value; fall back to the next non-space.
      if (at < 0) {
        at = cursor
        while (at < body.length && body[at] === ' ') at++
      }
      const end = Math.min(body.length, at + value.length)
      starts.push(at)
      tokens.push({
        start: paragraph.start + at,
        end: paragraph.start + end,
        pos: pos[i] ?? 'X',
        kind: kinds[i] ?? 'word',
      })
      cursor = end
    })
    const spans = wdoc.sentences().out(its.span) as unknown as [number, number][]
    for (const [from, to] of spans) {
      const a = tokens[first + from]
      const b = tokens[first + to]
      if (!a || !b) continue
      sentences.push({
        start: a.start,
        end: b.end,
        paragraph: paragraphIndex,
        by: 'text/wink-sentence',
        confidence: 0.9,
      })
    }
  })
  return { sentences, tokens }
}
