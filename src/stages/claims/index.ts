import type { Stage } from '../../core/stage.js'
import { claimView, findClaims } from './find.js'
import { compileClaimLexicon } from './lexicon.js'
import { attributeClaims } from './resolve/attribute.js'
import type { ClaimsOptions } from './types.js'

export type { ClaimsOptions } from './types.js'

/**
 * Check-worthy claims: from the quotes (each sentence of a direct quote, each
 * reported clause, each denial) and from the outlet's own hedged statements, with
 * claimant, relay chain, stance, verification state and evidence references.
 */
export function claims(options: ClaimsOptions = {}): Stage {
  const { minWords = 4, outletVoice = true } = options
  let lexicon: ReturnType<typeof compileClaimLexicon> | undefined
  return {
    name: 'claims',
    requires: ['sentences', 'tokens', 'quotes'],
    provides: ['claims'],
    run(doc, ctx) {
      lexicon ??= compileClaimLexicon(ctx.resources.lexicons)
      const view = claimView(doc, lexicon)
      const candidates = findClaims(doc, lexicon, { minWords, outletVoice }, view)
      doc.layers.claims = attributeClaims(doc, candidates, lexicon, view)
    },
  }
}
