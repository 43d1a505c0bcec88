import type { Stage } from '../../core/stage.js'
import { findParagraphs, getNlp, tokenize } from './find.js'

export interface TextOptions {
  /** Passed through for symmetry with other stages; the text stage has no tunables yet. */
  readonly _reserved?: never
}

/** Paragraphs, sentences, tokens and parts of speech from wink-nlp's shipped model. */
export function text(_options: TextOptions = {}): Stage {
  // Load the model when the pipeline is assembled (once per process), so that the first
  // article does not pay for it and a broken install fails at start, not mid-batch.
  getNlp()
  return {
    name: 'text',
    requires: [],
    provides: ['paragraphs', 'sentences', 'tokens'],
    run(doc) {
      const paragraphs = findParagraphs(doc.text)
      const { sentences, tokens } = tokenize(doc.text, paragraphs)
      doc.layers.paragraphs = paragraphs
      doc.layers.sentences = sentences
      doc.layers.tokens = tokens
    },
  }
}
