import fc from 'fast-check'

/**
 * Generators of hostile and odd input for the hardening tests. Sizes stay small
 * (property tests run many cases); the linear-time test builds the big inputs.
 */

/** Characters that regular expressions over news text like to repeat on: quotes, dashes, capitals. */
export const TRAP_CHARS = [
  '"',
  "'",
  '\u201c',
  '\u201d',
  '\u2018',
  '\u2019',
  '\u00ab',
  '\u00bb',
  '-',
  '\u2013',
  '\u2014',
  '.',
  ',',
  '?',
  '!',
  '(',
  ')',
  ':',
  ';',
  '*',
  '#',
  '_',
  '=',
  '~',
  '/',
  '\\',
  '<',
  '&',
  'A',
  'Z',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '\u200b',
  '\u00ad',
  '\ufeff',
  '\r',
]

const WORDS = [
  'said',
  'told',
  'according',
  'to',
  'the',
  'minister',
  'President',
  'Zelensky',
  'Kyiv',
  'Russian',
  'forces',
  'shelled',
  'Kharkiv',
  'on',
  'Monday',
  '12',
  '2025',
  'U.S.',
  'NATO',
  'Reuters',
  'AP',
  'killed',
  'at',
  'least',
  'three',
  'people',
  'Mr.',
  'Gen.',
  'St.',
  'al-Assad',
  'Bakhmut',
  'UN',
  'BREAKING',
  'claimed',
  'denied',
  'reportedly',
  'he',
  'she',
  'they',
  'it',
  'Ukraine\u2019s',
  'https://example.com/a?b=c',
  'news@example.org',
  '\u041a\u0438\u0457\u0432',
  '\u062f\u0645\u0634\u0642',
  '\u5317\u4eac',
  '\ud83d\udca5',
]

/** A lone UTF-16 surrogate: valid in a JS string, invalid in UTF-8. */
const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code))

/** Any code units: full Unicode, lone surrogates, controls. */
export const unicodeText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.constantFrom(...TRAP_CHARS) },
    { weight: 1, arbitrary: loneSurrogate },
  ),
  maxLength: 400,
})

/** A run of one trap character (or a short trap pattern), bounded for speed. */
export const trapRun = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...TRAP_CHARS),
      fc.constantFrom('\u201cword ', 'Alpha ', 'ABC ', 'a-', '-- ', '" ', "'s ", 'Mr. ', '...'),
    ),
    fc.integer({ min: 1, max: 120 }),
  )
  .map(([unit, times]) => unit.repeat(times))

/** Text that looks like news, seasoned with runs of trap characters. */
export const newsText = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 3, arbitrary: fc.constantFrom(...TRAP_CHARS) },
      { weight: 1, arbitrary: trapRun },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    ),
    { maxLength: 300 },
  )
  .chain((parts) =>
    fc
      .array(fc.constantFrom(' ', ' ', ' ', '', '\n', '\n\n', '  '), {
        minLength: parts.length,
        maxLength: parts.length,
      })
      .map((gaps) => parts.map((part, i) => part + gaps[i]).join('')),
  )

/** Arbitrary bytes decoded leniently, the way a mislabelled binary file would arrive as text. */
export const binaryAsText = fc
  .uint8Array({ maxLength: 2000 })
  .map((bytes) => Buffer.from(bytes).toString('latin1'))

const TAGS = [
  'div',
  'p',
  'span',
  'b',
  'i',
  'a',
  'article',
  'section',
  'blockquote',
  'li',
  'ul',
  'table',
  'tr',
  'td',
  'h1',
  'h2',
  'br',
  'img',
  'script',
  'style',
  'svg',
  'template',
  'noscript',
  'pre',
]

const htmlText = fc.oneof(
  fc.constantFrom(...WORDS).map((w) => `${w} `),
  fc.constantFrom(
    '&amp;',
    '&lt;',
    '&#x201c;',
    '&#0;',
    '&bogus;',
    '&#1114112;',
    '<!-- c -->',
    '<![CDATA[x]]>',
    '<',
    '>',
    '</',
    '"',
  ),
  trapRun,
)

/** HTML trees, well-formed or not: random tags, attributes, unclosed and stray end tags. */
export const htmlFragment: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    htmlText,
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.constantFrom(
          '',
          ' class="content"',
          ' id=x',
          ' style="display:none"',
          ' href="javascript:1"',
          ' a="b',
        ),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.constantFrom('close', 'close', 'unclosed', 'stray'),
      )
      .map(([tag, attrs, children, ending]) => {
        const inner = children.join('')
        if (ending === 'unclosed') return `<${tag}${attrs}>${inner}`
        if (ending === 'stray') return `${inner}</${tag}>`
        return `<${tag}${attrs}>${inner}</${tag}>`
      }),
  ),
})).node

/** A whole page: sometimes a proper document, sometimes a bare fragment. */
export const htmlPage = fc
  .tuple(
    htmlFragment,
    fc.boolean(),
    fc.constantFrom('', '<title>A title</title>', '<meta name="date" content="2025-04-08">'),
  )
  .map(([body, wrap, head]) =>
    wrap ? `<!doctype html><html><head>${head}</head><body>${body}</body></html>` : body,
  )

/** `depth` nested elements around a sentence, closed or not. */
export function nestedHtml(depth: number, tag = 'div', closed = true): string {
  const open = `<${tag}>`.repeat(depth)
  const close = closed ? `</${tag}>`.repeat(depth) : ''
  return `<!doctype html><html><head><title>Nested</title></head><body>${open}Shelling hit Kharkiv on Monday, officials said.${close}</body></html>`
}
