import type { Stage } from '../../core/stage.js'
import { compileLexicon } from './lexicon.js'
import { findQuotes } from './find.js'
import { attributeQuotes } from './resolve/attribute.js'
import type { QuotesOptions } from './types.js'

export type { QuotesOptions } from './types.js'

/**
 * Direct, indirect and mixed quotes with their speakers and relay chains. The
 * speech-verb lexicon and the other word lists are compiled once, on the first
 * doc, into Maps and Sets; each doc is then one linear pass over its tokens.
 */
export function quotes(options: QuotesOptions = {}): Stage {
  const {
    minDirectWords = 3,
    cognition = true,
    maxSpeakerTokens = 12,
    joinContinuations = false,
  } = options
  let lexicon: ReturnType<typeof compileLexicon> | undefined
  return {
    name: 'quotes',
    requires: ['sentences', 'tokens', 'entities', 'mentions'],
    provides: ['quotes'],
    run(doc, ctx) {
      lexicon ??= compileLexicon(ctx.resources.lexicons)
      const found = findQuotes(doc, {
        minDirectWords,
        cognition,
        maxSpeakerTokens,
        joinContinuations,
        lexicon,
        outlet: doc.source.outlet,
      })
      const quotes = attributeQuotes(doc, found.view, found.candidates, lexicon)
      for (const quote of quotes) {
        if (!quote.speakerName && !quote.anonymous && quote.kind === 'direct') {
          ctx.info('direct quote with no speaker found', 'quotes/no-speaker', quote)
        }
      }
      doc.layers.quotes = quotes
    },
  }
}
