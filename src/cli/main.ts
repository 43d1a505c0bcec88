import { Command, CommanderError } from 'commander'
import { SitrepError } from '../core/errors.js'
import { registerDemo } from './commands/demo.js'
import { registerExtract } from './commands/extract.js'
import { registerServe } from './commands/serve.js'
import { registerToken } from './commands/token.js'
import { registerEval } from './commands/eval.js'
import { registerBench } from './commands/bench.js'
import { registerGazetteer } from './commands/gazetteer.js'
import { registerIngest } from './commands/ingest.js'
import { registerSearch } from './commands/search.js'
import { registerStory } from './commands/story.js'
import { registerClaims } from './commands/claims.js'
import { registerExport } from './commands/export.js'

/**
 * The `sitrep` command. Each command lives in ./commands/<name>.ts and exports a
 * `register…(program)` function; this list is the one place they are wired.
 */
const COMMANDS: ((program: Command) => void)[] = [
  registerDemo,
  registerExtract,
  registerEval,
  registerBench,
  registerGazetteer,
  registerIngest,
  registerSearch,
  registerStory,
  registerClaims,
  registerExport,
  registerServe,
  registerToken,
  // more commands register here, one line each
]

export function buildProgram(): Command {
  const program = new Command()
    .name('sitrep')
    .description(
      'Turn news about wars and politics into a structured, source-attributed, geolocated record.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
  for (const register of COMMANDS) register(program)
  return program
}

/** Runs the CLI; user errors print one line and set the exit code, never a stack trace. */
export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv)
  } catch (error) {
    process.exitCode = exitCodeFor(error)
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 64
  if (error instanceof SitrepError) {
    process.stderr.write(`sitrep: ${error.message} [${error.code}]\n`)
    return error.exitCode
  }
  // Anything else is a bug in sitrep: show the stack so it can be reported.
  process.stderr.write(
    `sitrep: internal error (please report):\n${(error as Error)?.stack ?? String(error)}\n`,
  )
  return 70
}

const invokedDirectly =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (invokedDirectly || process.env.SITREP_CLI === '1') void main()
