/**
 * Undoing a merge: an event that joined a story wrongly is split off, with every
 * member that joined through it (the links form a tree rooted at the event that
 * started the story). Both stories are recomputed; the split-off story gets the id
 * the event would have had on its own, so splitting is stable too.
 */
import type { Store, StoryRecord, StoreWriter } from '../store/store.js'
import { storyDiscrepancies, storyIdFor, storyRecord } from './stories.js'

export interface SplitResult {
  from: string
  to: string
  moved: string[]
}

export async function detachEvent(
  store: Store,
  eventId: string,
  now = new Date().toISOString(),
): Promise<SplitResult | null> {
  const from = (await store.getEvent(eventId))?.storyId
  if (!from) return null
  return store.transaction(async (writer) => {
    const members = await writer.storyMembers(from)
    const self = members.find((m) => m.eventId === eventId)
    // The founding event cannot be detached from its own story: detach the others instead.
    if (!self || self.linkedTo === null) return null
    const moved = subtree(members, eventId)
    const to = storyIdFor(eventId)
    for (const member of members) {
      if (!moved.has(member.eventId)) continue
      const root = member.eventId === eventId
      await writer.addStoryMember({
        ...member,
        storyId: to,
        linkedTo: root ? null : member.linkedTo,
        features: root ? null : member.features,
        addedAt: root ? now : member.addedAt,
      })
    }
    for (const id of [from, to]) await refresh(writer, id, now)
    return { from, to, moved: [...moved] }
  })
}

function subtree(
  members: { eventId: string; linkedTo: string | null }[],
  root: string,
): Set<string> {
  const out = new Set([root])
  let grew = true
  while (grew) {
    grew = false
    for (const m of members) {
      if (m.linkedTo && out.has(m.linkedTo) && !out.has(m.eventId)) {
        out.add(m.eventId)
        grew = true
      }
    }
  }
  return out
}

async function refresh(writer: StoreWriter, id: string, now: string): Promise<StoryRecord | null> {
  const events = await writer.storyEvents(id)
  if (events.length === 0) {
    await writer.deleteStory(id)
    return null
  }
  const existing = await writer.getStoryRecord(id)
  const record = storyRecord(id, events, existing?.createdAt ?? now, now)
  await writer.upsertStory(record)
  await writer.replaceDiscrepancies({ storyId: id }, storyDiscrepancies(id, events, now))
  return record
}
