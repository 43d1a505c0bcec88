import { Command, Option } from 'commander'
import { sitrepError } from '../../core/errors.js'
import { openReviewStore } from '../../api/review-store.js'
import { ROLES, type Role } from '../../api/review-types.js'
import { createToken } from '../../api/tokens.js'
import { DEFAULT_DB_FILE } from '../../store/store.js'
import { storeLocation } from './serve.js'

interface StoreOptions {
  db?: string
  pg?: string
}

function withStoreOptions(command: Command): Command {
  return command
    .option('--db <file>', `SQLite store (default ${DEFAULT_DB_FILE} or $SITREP_DB)`)
    .option('--pg <url>', 'PostgreSQL store URL (or $SITREP_PG)')
}

export function registerToken(program: Command): void {
  const token = program
    .command('token')
    .description(
      'manage API tokens (roles: viewer reads, editor ingests and corrects, admin manages tokens)',
    )
  withStoreOptions(
    token
      .command('create')
      .description('create a token and print it (shown once; only its hash is stored)')
      .addOption(
        new Option('--role <role>', 'what the token may do').choices(ROLES).default('editor'),
      )
      .option(
        '--name <name>',
        'who holds it (shown as the author of their corrections)',
        process.env.USER ?? 'sitrep',
      ),
  ).action(async (options: StoreOptions & { role: Role; name: string }) => {
    await withReview(options, async (review) => {
      const { secret, record } = await createToken(review, {
        name: options.name,
        role: options.role,
      })
      process.stderr.write(
        `sitrep: token ${record.id} for "${record.name}" with role ${record.role}\n`,
      )
      process.stdout.write(secret + '\n')
    })
  })
  withStoreOptions(token.command('list').description('list tokens (never their secrets)')).action(
    async (options: StoreOptions) => {
      await withReview(options, async (review) => {
        for (const t of await review.listTokens()) {
          const state = t.revokedAt ? `revoked ${t.revokedAt}` : 'live'
          process.stdout.write(`${t.id}\t${t.role}\t${t.name}\t${t.createdAt}\t${state}\n`)
        }
      })
    },
  )
  withStoreOptions(
    token
      .command('revoke')
      .description('revoke a token by its id')
      .argument('<id>', 'token id (t-…)'),
  ).action(async (id: string, options: StoreOptions) => {
    await withReview(options, async (review) => {
      if (!(await review.revokeToken(id, new Date().toISOString()))) {
        throw sitrepError('E_USAGE', {
          detail: `no live token with id "${id}" (see sitrep token list)`,
        })
      }
      process.stderr.write(`sitrep: revoked ${id}\n`)
    })
  })
}

async function withReview(
  options: StoreOptions,
  run: (review: ReturnType<typeof openReviewStore>) => Promise<void>,
): Promise<void> {
  const review = openReviewStore(storeLocation(options))
  try {
    await review.migrate()
    await run(review)
  } finally {
    await review.close()
  }
}
