import { getLIDModel } from 'fasttext.wasm.js'

type LidModel = Awaited<ReturnType<typeof getLIDModel>>
let loading: Promise<LidModel> | undefined

/**
 * ISO 639-1 language of a text, from fastText's shipped lid.176 model (loaded
 * once, lazily: about 80 ms). Returns null when it cannot tell.
 */
export async function detectLanguage(text: string): Promise<string | null> {
  loading ??= (async () => {
    const model = await getLIDModel()
    await model.load()
    return model
  })()
  const model = await loading
  // fastText reads one line; the first few thousand characters are plenty.
  const sample = text.slice(0, 4000).replace(/\s+/g, ' ')
  if (sample.trim().length < 3) return null
  const result = await model.identify(sample)
  return result.possibility >= 0.5 ? result.alpha2 : null
}
