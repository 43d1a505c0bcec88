import { createHash, randomBytes } from 'node:crypto'
import type { ReviewStore, Role, TokenRecord } from './review-types.js'

/** Prefix that makes a leaked sitrep token recognisable (e.g. by secret scanners). */
const TOKEN_PREFIX = 'sitrep_'

/** Tokens are 32 random bytes, so a plain SHA-256 is enough to store them safely. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export async function createToken(
  review: ReviewStore,
  options: { name: string; role: Role; now?: Date },
): Promise<{ secret: string; record: TokenRecord }> {
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const record: TokenRecord = {
    id: 't-' + randomBytes(6).toString('hex'),
    name: options.name,
    role: options.role,
    createdAt: (options.now ?? new Date()).toISOString(),
    revokedAt: null,
  }
  await review.insertToken(record, hashSecret(secret))
  return { secret, record }
}

/** The secret from `Authorization: Bearer <token>`, or null when absent or malformed. */
export function bearerSecret(header: string | undefined): string | null {
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim())
  return match?.[1] ?? null
}
