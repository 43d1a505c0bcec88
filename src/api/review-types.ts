/**
 * What the API keeps beside the corpus store: access tokens and the review log.
 *
 * The corpus `Store` (src/store/store.ts) holds what sitrep extracted; this holds
 * what people did to it. Keeping them apart means a correction never rewrites an
 * extracted record: it is a layer on top, with who, when, before and after, and
 * records are shown with their corrections applied (see ./corrections.ts).
 */
import type { Page } from '../store/store.js'

export type Role = 'viewer' | 'editor' | 'admin'
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin']

/** Does a token with role `have` satisfy a route that needs `need`? */
export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need)
}

export interface TokenRecord {
  /** Public id ("t-…"), safe to show and to revoke by. */
  id: string
  /** Who holds it: shown as the author of their corrections. */
  name: string
  role: Role
  createdAt: string
  revokedAt: string | null
}

export type CorrectionKind = 'speaker' | 'place' | 'event-type' | 'claim-status'
export const CORRECTION_KINDS: readonly CorrectionKind[] = [
  'speaker',
  'place',
  'event-type',
  'claim-status',
]

/** One human correction of one field, never edited afterwards (a later one supersedes it). */
export interface CorrectionRecord {
  id: string
  kind: CorrectionKind
  /** The article (speaker, place, event type) or null for a claim cluster. */
  articleId: string | null
  /** Index into the article's layer (quotes, places or events), or null. */
  index: number | null
  /** The claim cluster (claim status), or null. */
  claimId: string | null
  /** The value before this correction and after it (JSON: a name, a place, a type, a status). */
  before: unknown
  after: unknown
  /** Token name of who made it, and their role then. */
  by: string
  role: Role
  /** ISO datetime. */
  at: string
  note: string | null
}

export interface CorrectionQuery {
  articleId?: string
  claimId?: string
  kind?: CorrectionKind
  limit?: number
  offset?: number
}

export interface ReviewStore {
  migrate(): Promise<void>
  close(): Promise<void>
  /** Stores the hash of a new token; the secret is returned once and never stored. */
  insertToken(record: TokenRecord, secretHash: string): Promise<void>
  /** The live (not revoked) token with this secret hash, or null. */
  findToken(secretHash: string): Promise<TokenRecord | null>
  listTokens(): Promise<TokenRecord[]>
  revokeToken(id: string, at: string): Promise<boolean>
  addCorrection(record: CorrectionRecord): Promise<void>
  /** Oldest first, so applying them in order gives the current value. */
  listCorrections(query?: CorrectionQuery): Promise<Page<CorrectionRecord>>
}
