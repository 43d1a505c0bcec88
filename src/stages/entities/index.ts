import type { Gazetteer, Lexicons } from '../../core/resources.js'
import { Memo } from '../../core/memo.js'
import type { Stage } from '../../core/stage.js'
import { findCandidates } from './find.js'
import { MEMO_LIMIT } from './key.js'
import { compileLexicons } from './lexicon.js'
import { resolveEntities } from './resolve.js'
import type { Compiled, EntitiesOptions } from './types.js'
import { buildUnits } from './units.js'

export type { EntitiesOptions } from './types.js'

/**
 * Named entities (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT) with one identity per
 * real thing, and the mentions layer: every name, pronoun and description
 * ("he", "the ministry") that refers to an entity. Rules and lexicons over the
 * text stage's tokens and parts of speech; no model.
 */
export function entities(options: EntitiesOptions = {}): Stage {
  const { minConfidence = 0.3, corefParagraphs = 3, corefSentences = 20 } = options
  // Lexicons compile once per resources object, never per doc.
  const compiled = new WeakMap<Lexicons, Compiled>()
  return {
    name: 'entities',
    requires: ['sentences', 'tokens'],
    provides: ['entities', 'mentions'],
    run(doc, ctx) {
      const { lexicons, countries, gazetteer } = ctx.resources
      let lex = compiled.get(lexicons)
      if (!lex) {
        lex = compileLexicons(lexicons)
        compiled.set(lexicons, lex)
      }
      if (!countries)
        ctx.info('no countries resource: countries and demonyms are not recognised', 'no-countries')
      const units = buildUnits(doc, lex.abbreviations)
      const candidates = findCandidates(doc, units, {
        lex,
        countries,
        gazetteer: gazetteer ? memoised(gazetteer) : undefined,
        outlet: doc.source.outlet,
      })
      const resolved = resolveEntities(doc, candidates, units, lex, {
        minConfidence,
        corefParagraphs,
        corefSentences,
      })
      doc.layers.entities = resolved.entities
      doc.layers.mentions = resolved.mentions
    },
  }
}

// Recognition asks the gazetteer about the same names again and again (within a doc and
// across docs): answers are remembered per gazetteer, with a bound on the memory.
const answers = new WeakMap<Gazetteer, Memo<boolean>>()

function memoised(gazetteer: Gazetteer): Pick<Gazetteer, 'has'> {
  let memo = answers.get(gazetteer)
  if (!memo) {
    memo = new Memo(MEMO_LIMIT)
    answers.set(gazetteer, memo)
  }
  const known = memo
  return {
    has(name) {
      let answer = known.get(name)
      if (answer === undefined) {
        answer = gazetteer.has(name)
        known.set(name, answer)
      }
      return answer
    },
  }
}
