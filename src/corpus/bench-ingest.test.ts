import { describe, expect, it } from 'vitest'
import { benchIngest } from './bench-ingest.js'

describe('bench › ingest', () => {
  // Asserts what was stored and that figures are reported, never how fast (machines vary).
  it('ingests a synthetic corpus and reports rates per window', async () => {
    const result = await benchIngest({ articles: 300, window: 100, batchSize: 50 })
    expect(result.stats.versions).toBeGreaterThan(250)
    expect(result.stats.stories).toBeGreaterThan(10)
    expect(result.stats.claimClusters).toBeGreaterThan(10)
    expect(result.windows.map((w) => w.upTo)).toEqual([100, 200, 300])
    expect(result.sustainedPerCpuSecond).toBeGreaterThan(0)
    expect(result.peakRssMb).toBeGreaterThan(0)
  })
})
