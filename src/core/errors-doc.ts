import { ERRORS } from './errors.js'

/** docs/errors.md, generated from the catalogue so the two cannot drift apart. */
export function errorsMarkdown(): string {
  const rows = Object.entries(ERRORS).map(
    ([code, entry]) => `| \`${code}\` | ${entry.exit} | ${describe(code)} |`,
  )
  return [
    '# Error codes',
    '',
    'Generated from `src/core/errors.ts` (`npm run docs:errors`); a test keeps it in step.',
    'User errors print one line, `sitrep: <message> [<code>]`, and exit with the code below;',
    'problems inside an article are messages on the record, not errors.',
    '',
    '| code | exit | when |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
}

function describe(code: string): string {
  const text: Record<string, string> = {
    E_STAGE_ORDER: 'a stage requires a layer no earlier stage provides (pipeline assembly)',
    E_STAGE_DUPLICATE_PROVIDER: 'two stages provide the same layer (pipeline assembly)',
    E_MISSING_RESOURCE: 'a stage or command needs a resource (lexicon, gazetteer) that is absent',
    E_INPUT_UNREADABLE: 'the input file cannot be read (missing, permissions)',
    E_INPUT_EMPTY: 'the input holds no text',
    E_INPUT_BINARY: 'the input is not UTF-8 text (NUL byte or invalid sequence)',
    E_INPUT_TOO_LARGE: 'one input document is over the size limit (`--max-bytes`)',
    E_INPUT_FEED_ENTITY: 'a feed declares a DOCTYPE or entity (refused: no entity expansion)',
    E_INPUT_FEED_INVALID: 'a feed is not well-formed RSS/Atom',
    E_INPUT_HTML_EMPTY: 'an HTML page has no readable article text',
    E_JSONL_LINE: 'one JSON Lines line is malformed (the others are still read)',
    E_USAGE: 'a command-line option or argument is wrong',
    E_GOLD_INVALID: 'a file given to `sitrep eval` is not a gold-format document',
  }
  return text[code] ?? ''
}
