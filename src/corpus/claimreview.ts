/**
 * schema.org ClaimReview (JSON-LD) for claim clusters with a status: what
 * fact-checking tools and search engines read. The rating is sitrep's lifecycle
 * status on a 1–5 scale, its name in `alternateName`; the reasoning is the history.
 */
import type { ClaimClusterDetail, ClaimStatus } from '../store/store.js'

const RATING: Record<ClaimStatus, number> = {
  retracted: 1,
  denied: 2,
  disputed: 2,
  claimed: 3,
  corroborated: 4,
  confirmed: 5,
}

export interface ClaimReviewOptions {
  /** Who publishes the review (default "sitrep"). */
  author?: string
  /** Article URLs by article id, for `appearance`. */
  urls?: Map<string, string | null>
}

export function toClaimReview(
  cluster: ClaimClusterDetail,
  options: ClaimReviewOptions = {},
): Record<string, unknown> {
  const last = cluster.history[cluster.history.length - 1]
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: cluster.id,
    datePublished: cluster.statusDate,
    claimReviewed: cluster.text,
    author: { '@type': 'Organization', name: options.author ?? 'sitrep' },
    reviewBody: cluster.history.map((h) => `${h.date}: ${h.status} (${h.reason})`).join('; '),
    itemReviewed: {
      '@type': 'Claim',
      ...(cluster.claimant ? { author: { '@type': 'Thing', name: cluster.claimant } } : {}),
      datePublished: cluster.firstSeen,
      appearance: cluster.members.map((m) => ({
        '@type': 'CreativeWork',
        ...(options.urls?.get(m.articleId) ? { url: options.urls.get(m.articleId) } : {}),
        identifier: m.articleId,
        ...(m.outlet ? { publisher: { '@type': 'Organization', name: m.outlet } } : {}),
        ...(m.published ? { datePublished: m.published } : {}),
      })),
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: RATING[cluster.status],
      bestRating: 5,
      worstRating: 1,
      alternateName: cluster.status,
      ...(last ? { ratingExplanation: last.reason } : {}),
    },
  }
}
