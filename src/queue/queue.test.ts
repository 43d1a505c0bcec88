import { describe, expect, it } from 'vitest'
import { jobIdFor, redisConnection } from './jobs.js'
import { metricsText, RateMeter } from './metrics.js'

const base = {
  id: 'a1',
  url: 'https://news.example/2025/strike',
  text: 'Shelling hit Sumy overnight.',
}

describe('jobIdFor: the id is the article identity (text + canonical URL)', () => {
  const same: [string, object][] = [
    ['same article again', { ...base }],
    [
      'tracking parameters and www.',
      { ...base, url: 'https://www.news.example/2025/strike?utm_source=x' },
    ],
    ['another outlet name or id', { ...base, id: 'other', outlet: 'Other' }],
  ]
  const different: [string, object][] = [
    ['changed text', { ...base, text: 'Shelling hit Sumy overnight, killing two.' }],
    ['same text at another URL', { ...base, url: 'https://copy.example/strike' }],
    ['no URL', { ...base, url: null }],
  ]
  it.each(same)('same id: %s', (_name, article) => {
    expect(jobIdFor(article as typeof base)).toBe(jobIdFor(base))
  })
  it.each(different)('different id: %s', (_name, article) => {
    expect(jobIdFor(article as typeof base)).not.toBe(jobIdFor(base))
  })
  it('is a BullMQ-safe custom id (hex, no colon)', () => {
    expect(jobIdFor(base)).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('redisConnection', () => {
  it.each([
    ['redis://127.0.0.1:56379', { host: '127.0.0.1', port: 56379 }],
    [
      'redis://:s3cret@queue.internal/2',
      { host: 'queue.internal', port: 6379, password: 's3cret', db: 2 },
    ],
    [
      'rediss://u:p@q.example:6380',
      { host: 'q.example', port: 6380, username: 'u', password: 'p', tls: {} },
    ],
  ])('%s', (url, expected) => {
    expect(redisConnection(url)).toEqual({ ...expected, maxRetriesPerRequest: null })
  })
})

describe('metrics', () => {
  it('renders Prometheus text with depth, rates, failures and dead letters', () => {
    const text = metricsText(
      'q"1',
      { waiting: 5, active: 2, delayed: 1, failed: 3, completed: 9 },
      { processed: 9, added: 7, unchanged: 2, failures: 4, deadLetters: 1 },
      1.23456,
    )
    expect(text).toContain('sitrep_queue_depth{queue="q_1"} 8')
    expect(text).toContain('sitrep_queue_jobs{queue="q_1",state="waiting"} 5')
    expect(text).toContain('sitrep_queue_dead_letters{queue="q_1"} 3')
    expect(text).toContain('sitrep_worker_articles_total{queue="q_1",outcome="added"} 7')
    expect(text).toContain('sitrep_worker_articles_per_second{queue="q_1"} 1.235')
    expect(text).toContain('sitrep_worker_failures_total{queue="q_1"} 4')
    // Every sample line is `name{labels} number`; every family has HELP and TYPE.
    for (const line of text.trim().split('\n'))
      expect(line).toMatch(/^(# (HELP|TYPE) sitrep_\w+ .+|sitrep_\w+\{[^}]*\} -?[\d.]+)$/)
  })

  it('counts completions per second over the window only', () => {
    const meter = new RateMeter(10_000)
    const start = Date.now()
    for (let i = 0; i < 20; i++) meter.mark(start + 100)
    expect(meter.perSecond(start + 10_000)).toBeCloseTo(2, 5)
    expect(meter.perSecond(start + 30_000)).toBe(0)
  })
})
