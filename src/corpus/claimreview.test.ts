import { describe, expect, it } from 'vitest'
import type { ClaimClusterDetail } from '../store/store.js'
import { toClaimReview } from './claimreview.js'

const cluster: ClaimClusterDetail = {
  id: 'c-1',
  text: 'Russian forces shelled the market, killing 12 people',
  claimant: 'regional governor',
  status: 'disputed',
  statusDate: '2025-01-02',
  memberCount: 2,
  articleCount: 2,
  independentSources: 2,
  origins: ['a', 'b'],
  firstSeen: '2025-01-01',
  lastSeen: '2025-01-02',
  refs: { entities: [], numbers: [], places: [], dates: [] },
  members: [
    {
      articleId: 'art-1',
      index: 0,
      text: 'x',
      claimant: 'regional governor',
      via: [],
      stance: 'asserts',
      verification: null,
      outlet: 'Paper A',
      published: '2025-01-01',
      origin: 'a',
      similarity: 1,
    },
  ],
  history: [
    {
      status: 'claimed',
      date: '2025-01-01',
      articleId: 'art-1',
      claimIndex: 0,
      reason: 'claimed by regional governor',
    },
    {
      status: 'disputed',
      date: '2025-01-02',
      articleId: 'art-2',
      claimIndex: 0,
      reason: 'conflicting figure',
    },
  ],
  discrepancies: [],
}

describe('claimreview › JSON-LD', () => {
  it('describes the claim, its appearances and the status as a rating', () => {
    const review = toClaimReview(cluster, { urls: new Map([['art-1', 'https://a.example/1']]) })
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: cluster.text,
      datePublished: '2025-01-02',
      itemReviewed: {
        '@type': 'Claim',
        author: { name: 'regional governor' },
        appearance: [{ url: 'https://a.example/1', publisher: { name: 'Paper A' } }],
      },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 2,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'disputed',
      },
    })
    expect(JSON.parse(JSON.stringify(review))).toEqual(review)
  })
})
