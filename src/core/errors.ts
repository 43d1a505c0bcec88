/**
 * The error catalogue: programmer and configuration errors, and user errors the
 * CLI turns into a one-line message and an exit code. Data problems are not here:
 * they are `Message`s on the doc. Tests assert on codes, never on prose.
 */

export const ERRORS = {
  E_STAGE_ORDER: {
    exit: 70,
    message: (p: { stage: string; layer: string }) =>
      `stage "${p.stage}" requires layer "${p.layer}", which no earlier stage provides`,
  },
  E_STAGE_DUPLICATE_PROVIDER: {
    exit: 70,
    message: (p: { stage: string; layer: string; other: string }) =>
      `stage "${p.stage}" provides layer "${p.layer}", already provided by "${p.other}"`,
  },
  E_MISSING_RESOURCE: {
    exit: 70,
    message: (p: { stage: string; resource: string }) =>
      `stage "${p.stage}" needs resource "${p.resource}", which was not supplied`,
  },
  E_INPUT_UNREADABLE: {
    exit: 66,
    message: (p: { path: string; cause: string }) => `cannot read ${p.path}: ${p.cause}`,
  },
  E_INPUT_EMPTY: {
    exit: 65,
    message: (p: { path: string }) => `${p.path} is empty: there is no text to extract from`,
  },
  E_INPUT_BINARY: {
    exit: 65,
    message: (p: { path: string; offset: number }) =>
      `${p.path} looks binary (NUL or invalid UTF-8 at byte ${p.offset}); sitrep reads text, HTML, JSON Lines and RSS/Atom`,
  },
  E_INPUT_TOO_LARGE: {
    exit: 65,
    message: (p: { path: string; size: number; limit: number }) =>
      `${p.path} is ${p.size} bytes, over the ${p.limit}-byte limit for one input (split it, or raise --max-bytes)`,
  },
  E_INPUT_FEED_ENTITY: {
    exit: 65,
    message: (p: { path: string; line: number }) =>
      `${p.path} line ${p.line}: the feed declares a DOCTYPE or entity; sitrep never expands entities (XXE and entity-expansion protection)`,
  },
  E_INPUT_FEED_INVALID: {
    exit: 65,
    message: (p: { path: string; cause: string }) =>
      `${p.path} is not a valid RSS/Atom feed: ${p.cause}`,
  },
  E_INPUT_HTML_EMPTY: {
    exit: 65,
    message: (p: { path: string }) => `${p.path}: no readable article text found in the HTML`,
  },
  E_JSONL_LINE: {
    exit: 65,
    message: (p: { path: string; line: number; cause: string }) =>
      `${p.path} line ${p.line}: ${p.cause}`,
  },
  E_USAGE: {
    exit: 64,
    message: (p: { detail: string }) => p.detail,
  },
  E_GOLD_INVALID: {
    exit: 65,
    message: (p: { path: string; cause: string }) =>
      `${p.path}: not a gold-format document: ${p.cause}`,
  },
} as const

export type ErrorCode = keyof typeof ERRORS
type ParamsOf<C extends ErrorCode> = Parameters<(typeof ERRORS)[C]['message']>[0]

/** An error with a catalogue code; `user` errors print one line, never a stack. */
export class SitrepError extends Error {
  readonly code: ErrorCode
  readonly exitCode: number
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'SitrepError'
    this.code = code
    this.exitCode = ERRORS[code].exit
  }
}

export function sitrepError<C extends ErrorCode>(code: C, params: ParamsOf<C>): SitrepError {
  const template = ERRORS[code].message as (p: ParamsOf<C>) => string
  return new SitrepError(code, template(params))
}
