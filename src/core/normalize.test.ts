import { describe, expect, it } from 'vitest'
import { normalizeText, toOriginalOffset } from './normalize.js'

describe('normalizeText', () => {
  const rows: [string, string, string][] = [
    ['keeps plain text', 'Kyiv said.', 'Kyiv said.'],
    ['folds CRLF and blank lines into one paragraph break', 'A.\r\n\r\n\r\nB.', 'A.\nB.'],
    ['trims lines and the whole text', '  A.  \n   B.  ', 'A.\nB.'],
    ['turns exotic spaces into spaces', 'Maj.\u00a0Gen.\u2009Kryvonos', 'Maj. Gen. Kryvonos'],
    ['drops invisible characters', 'Zelen\u00adskyy\u200b says\ufeff', 'Zelenskyy says'],
    ['keeps curly quotes and dashes', '“Yes” — he said', '“Yes” — he said'],
    ['keeps a run of spaces between words', 'Kyiv  said', 'Kyiv  said'],
    ['drops spaces before a line break', 'A. \t\nB.', 'A.\nB.'],
    ['turns a lone carriage return into a break', 'A.\rB.', 'A.\nB.'],
    ['drops control characters inside a word', 'Kh\u0001erson\u007f', 'Kherson'],
    ['keeps the space before an invisible character', 'a \u200bb', 'a b'],
  ]
  it.each(rows)('%s', (_name, raw, expected) => {
    expect(normalizeText(raw).text).toBe(expected)
  })

  it('maps every normalised character back to the same character in the original', () => {
    const raw = '\ufeff  Ukrainian\u00a0forces \r\n\r\n captured\u200b two  soldiers.\t\n'
    const { text, offsets } = normalizeText(raw)
    for (let i = 0; i < text.length; i++) {
      const original = raw[toOriginalOffset(offsets, i)] as string
      const expected =
        text[i] === ' '
          ? /\s/.test(original)
          : text[i] === '\n'
            ? /[\r\n]/.test(original)
            : original === text[i]
      expect(expected, `offset ${i} (${JSON.stringify(text[i])})`).toBe(true)
    }
  })

  it('keeps an empty map when nothing changed', () => {
    expect(normalizeText('Nothing to change.').offsets).toEqual({ norm: [], orig: [] })
  })
})
