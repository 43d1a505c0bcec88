import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERRORS, sitrepError } from './errors.js'
import { errorsMarkdown } from './errors-doc.js'

describe('the error catalogue', () => {
  it('docs/errors.md is generated from it and up to date (npm run docs:errors)', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8')
    expect(doc).toBe(errorsMarkdown())
  })
  it('every code has a description in the doc', () => {
    for (const code of Object.keys(ERRORS))
      expect(errorsMarkdown()).toMatch(new RegExp(`\\| \`${code}\` \\| \\d+ \\| \\S`))
  })
  it('builds errors that carry their code and exit status', () => {
    const error = sitrepError('E_INPUT_EMPTY', { path: 'a.txt' })
    expect(error).toMatchObject({
      code: 'E_INPUT_EMPTY',
      exitCode: 65,
      message: 'a.txt is empty: there is no text to extract from',
    })
  })
})
