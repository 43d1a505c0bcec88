import { spawn } from 'node:child_process'
import {
  mkdtempSync,
  rmSync,
  writeFileSync,
  openSync,
  ftruncateSync,
  closeSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * `sitrep extract` on bad input, through the real command in its own process:
 * the documented exit code, one line on stderr naming the input and the error
 * code, and never a stack trace (the "Done means" of the foundation issue).
 * Exit codes (extract --help): 0 all read; 65 some input was bad; 66 unreadable; 64 usage.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function sitrep(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin ?? '')
  })
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** A sparse file of `size` bytes of text: 20 MB on disk costs nothing to make. */
function bigFile(name: string, size: number): string {
  const path = join(dir, name)
  const fd = openSync(path, 'w')
  writeSync(fd, 'Shelling hit Kharkiv on Monday, officials said. ')
  ftruncateSync(fd, size)
  closeSync(fd)
  return path
}

/** stderr is one line: "sitrep: <where and what> [CODE]", no stack trace. */
function expectOneLineError(run: Run, code: string, mentions: string): void {
  const lines = run.stderr.trimEnd().split('\n')
  expect(lines, run.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(new RegExp(`^sitrep: .*\\[${code}\\]$`))
  expect(lines[0]).toContain(mentions)
  expect(run.stderr).not.toMatch(/\n\s+at |internal error/)
}

const RSS_XXE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Evil</title>
<item><title>&xxe;</title><description>x</description></item></channel></rss>
`

describe('sitrep extract › bad input gives the documented error and exit code', () => {
  const rows: [string, () => string[], number, string, (path: string) => string][] = [
    ['an empty file', () => [file('empty.txt', '')], 65, 'E_INPUT_EMPTY', (p) => p],
    [
      'a whitespace-only file',
      () => [file('blank.txt', ' \n\n\t ')],
      65,
      'E_INPUT_EMPTY',
      (p) => p,
    ],
    [
      'a binary file (NUL bytes)',
      () => [file('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff]))],
      65,
      'E_INPUT_BINARY',
      (p) => p,
    ],
    [
      'invalid UTF-8',
      () => [file('latin1.txt', new Uint8Array([0x4b, 0x79, 0x69, 0x76, 0xe9, 0x20, 0x21]))],
      65,
      'E_INPUT_BINARY',
      (p) => p,
    ],
    [
      'a 20 MB text file',
      () => [bigFile('huge.txt', 20 * 1024 * 1024)],
      65,
      'E_INPUT_TOO_LARGE',
      (p) => p,
    ],
    [
      'an RSS file declaring an external entity',
      () => [file('evil.rss', RSS_XXE)],
      65,
      'E_INPUT_FEED_ENTITY',
      (p) => `${p} line 2`,
    ],
    [
      'HTML with no text at all',
      () => [file('broken.html', '<html><body><div><script>x()</script><img src=a></div></body>')],
      65,
      'E_INPUT_HTML_EMPTY',
      (p) => p,
    ],
    [
      'a file that does not exist',
      () => [join(dir, 'missing.txt')],
      66,
      'E_INPUT_UNREADABLE',
      (p) => p,
    ],
    [
      'a malformed --published date',
      () => [file('ok.txt', 'Kyiv was shelled.'), '--published', '08/04/2025'],
      64,
      'E_USAGE',
      () => '--published',
    ],
  ]
  it.concurrent.each(rows)('%s', async (_name, make, exit, code, mentions) => {
    const [path, ...rest] = make()
    const run = await sitrep(['extract', path as string, '--format', 'json', ...rest])
    expect(run.code, run.stderr).toBe(exit)
    expectOneLineError(run, code, mentions(path as string))
    expect(run.stdout).toBe('')
  })

  it.concurrent('reads empty standard input as E_INPUT_EMPTY', async () => {
    const run = await sitrep(['extract', '-', '--format', 'json'], '')
    expect(run.code).toBe(65)
    expectOneLineError(run, 'E_INPUT_EMPTY', 'stdin')
  })

  it.concurrent('reads broken but readable HTML and prints its record', async () => {
    const path = file(
      'unclosed.html',
      '<html><body><div><p>Russian forces shelled Kharkiv on Monday, officials said.<p>Two people were hurt<b><i></div>',
    )
    const run = await sitrep(['extract', path, '--format', 'json'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout).text).toContain('Russian forces shelled Kharkiv')
  })

  it.concurrent(
    'reports bad JSON Lines by line number on stderr and prints the others',
    async () => {
      const path = file(
        'batch.jsonl',
        [
          '{"id":"a","text":"Kyiv was shelled on Monday."}',
          '{"id":"b", "text": oops}',
          '[1]',
          '{"id":"d","text":"Talks resumed in Geneva."}',
        ].join('\n') + '\n',
      )
      const run = await sitrep(['extract', path, '--format', 'json'])
      expect(run.code).toBe(65)
      const errors = run.stderr.trimEnd().split('\n')
      expect(errors).toHaveLength(2)
      expect(errors[0]).toMatch(new RegExp(`^sitrep: ${path} line 2: .*\\[E_JSONL_LINE\\]$`))
      expect(errors[1]).toMatch(new RegExp(`^sitrep: ${path} line 3: .*\\[E_JSONL_LINE\\]$`))
      expect(run.stderr).not.toMatch(/\n\s+at /)
      const ids = run.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id)
      expect(ids).toEqual(['a', 'd'])
    },
  )

  // A JSON Lines "html" field holding text with no element once threw inside linkedom
  // and ended the whole batch with an internal error.
  it('keeps going past a JSON Lines "html" field that holds plain text', async () => {
    const path = file(
      'plain-html.jsonl',
      '{"id":"a","html":"just words"}\n{"id":"b","text":"Kyiv was shelled."}\n',
    )
    const run = await sitrep(['extract', path, '--format', 'json'])
    expect(run.stderr).not.toMatch(/internal error/)
    const ids = run.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { id: string }).id)
    expect(ids).toContain('b')
  })
})
