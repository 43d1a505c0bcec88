import type { RouteDeps } from '../app.js'
import { notFound } from '../route.js'
import { IdParams, StoriesQuery, StoryRecord, pageOf } from '../schemas.js'

export function registerStoryRoutes({ table, ctx }: RouteDeps): void {
  table.add({
    method: 'GET',
    url: '/api/stories',
    summary: 'Stories: one real-world event reported by one or more articles',
    tag: 'stories',
    query: StoriesQuery,
    response: pageOf(StoryRecord),
    handler: async ({ query }) =>
      ctx.store.listStories({
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
        ...(query.offset !== undefined ? { offset: query.offset } : {}),
        ...(query.type !== undefined ? { type: query.type } : {}),
        ...(query.minArticles !== undefined ? { minArticles: query.minArticles } : {}),
      }),
  })
  table.add({
    method: 'GET',
    url: '/api/stories/:id',
    summary: 'One story: every report (corrected), why it joined, and the discrepancies',
    tag: 'stories',
    params: IdParams,
    handler: async ({ params }) => {
      const story = await ctx.store.getStory(params.id)
      if (!story) throw notFound('story', params.id)
      const members = await Promise.all(
        story.members.map(async (m) => ({ ...m, event: await ctx.event(m.event) })),
      )
      const articles = await Promise.all(
        [...new Set(members.map((m) => m.event.articleId))].map((id) => ctx.store.getArticle(id)),
      )
      return { ...story, members, articles: articles.filter((a) => a !== null) }
    },
  })
  table.add({
    method: 'GET',
    url: '/api/discrepancies',
    summary: 'Reports that disagree: differing counts and denials',
    tag: 'stories',
    query: StoriesQuery.pick({ limit: true, offset: true }).extend({
      storyId: IdParams.shape.id.optional(),
      claimId: IdParams.shape.id.optional(),
    }),
    handler: async ({ query }) =>
      ctx.store.listDiscrepancies({
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
        ...(query.offset !== undefined ? { offset: query.offset } : {}),
        ...(query.storyId !== undefined ? { storyId: query.storyId } : {}),
        ...(query.claimId !== undefined ? { claimId: query.claimId } : {}),
      }),
  })
}
