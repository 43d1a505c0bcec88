import { describe, expect, it } from 'vitest'
import { groupsOf } from './groups.js'

async function* fromArray<T>(items: T[], delays: number[] = []): AsyncGenerator<T> {
  for (const [i, item] of items.entries()) {
    if (delays[i]) await new Promise((resolve) => setTimeout(resolve, delays[i]))
    yield item
  }
}

async function collect<T>(groups: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = []
  for await (const group of groups) out.push(group)
  return out
}

describe('groupsOf', () => {
  it('cuts a fast stream into groups of the given size, the last one shorter', async () => {
    expect(await collect(groupsOf(fromArray([1, 2, 3, 4, 5]), 2, 1000))).toEqual([
      [1, 2],
      [3, 4],
      [5],
    ])
  })

  it('lets a group go when the stream stalls, and keeps the order', async () => {
    // 1 and 2 come at once; 3 comes 150 ms later, past the 40 ms idle limit.
    const groups = await collect(groupsOf(fromArray([1, 2, 3], [0, 0, 150]), 10, 40))
    expect(groups).toEqual([[1, 2], [3]])
  })

  it('gives nothing for an empty stream', async () => {
    expect(await collect(groupsOf(fromArray([]), 3, 10))).toEqual([])
  })
})
