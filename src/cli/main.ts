import { Command, CommanderError } from 'commander'
import { SitrepError } from '../core/errors.js'
type Register = (program: Command) => void

/**
 * The `sitrep` commands. Each lives in ./commands/<file>.ts and exports a
 * `register…(program)` function; this table is the one place they are wired.
 * Modules load on use, so `sitrep extract` does not pay for fastify or pg.
 */
const COMMANDS: { names: string[]; load: () => Promise<Register> }[] = [
  { names: ['demo'], load: async () => (await import('./commands/demo.js')).registerDemo },
  { names: ['extract'], load: async () => (await import('./commands/extract.js')).registerExtract },
  {
    names: ['eval', 'eval-all'],
    load: async () => (await import('./commands/eval.js')).registerEval,
  },
  { names: ['bench'], load: async () => (await import('./commands/bench.js')).registerBench },
  {
    names: ['gazetteer'],
    load: async () => (await import('./commands/gazetteer.js')).registerGazetteer,
  },
  { names: ['ingest'], load: async () => (await import('./commands/ingest.js')).registerIngest },
  { names: ['search'], load: async () => (await import('./commands/search.js')).registerSearch },
  { names: ['story'], load: async () => (await import('./commands/story.js')).registerStory },
  { names: ['claims'], load: async () => (await import('./commands/claims.js')).registerClaims },
  { names: ['export'], load: async () => (await import('./commands/export.js')).registerExport },
  { names: ['serve'], load: async () => (await import('./commands/serve.js')).registerServe },
  { names: ['token'], load: async () => (await import('./commands/token.js')).registerToken },
  { names: ['watch'], load: async () => (await import('./commands/watch.js')).registerWatch },
  { names: ['worker'], load: async () => (await import('./commands/worker.js')).registerWorker },
]

/** The command modules argv needs: the named one, or all of them for help. */
async function loadCommands(argv: readonly string[]): Promise<Register[]> {
  const name = argv.slice(2).find((arg) => !arg.startsWith('-'))
  const named = COMMANDS.filter((c) => name !== undefined && c.names.includes(name))
  return Promise.all((named.length > 0 ? named : COMMANDS).map((c) => c.load()))
}

export function buildProgram(commands: readonly Register[]): Command {
  const program = new Command()
    .name('sitrep')
    .description(
      'Turn news about wars and politics into a structured, source-attributed, geolocated record.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
  for (const register of commands) register(program)
  return program
}

/** Runs the CLI; user errors print one line and set the exit code, never a stack trace. */
export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram(await loadCommands(argv)).parseAsync(argv)
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
