import { describe, expect, it } from 'vitest'
import { keysOf, loadTranslit, nameKey, romanize, skeletonKey } from './key.js'

describe('nameKey', () => {
  const same: [string, string][] = [
    ['Kam’ianske', 'Kamianske'],
    ["Kam'ianske", 'Kamianske'],
    ['U.S.', 'US'],
    ['Ust-Luga', 'Ust Luga'],
    ['Zürich', 'Zurich'],
    ['São Paulo', 'Sao Paulo'],
    ['  Donetsk   Oblast ', 'donetsk oblast'],
    ['Łódź', 'Lodz'],
  ]
  it.each(same)('files %s and %s under one key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b))
  })
  const different: [string, string][] = [
    ['Kyiv', 'Kiev'],
    ['Paris', 'Parish'],
    ['Georgia', 'Georgian'],
  ]
  it.each(different)('keeps %s and %s apart', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b))
  })
})

describe('romanize (translit.tsv)', () => {
  const table = loadTranslit()
  const rows: [string, 'uk' | 'ru', string | null][] = [
    ['Білогорівка', 'uk', 'bilohorivka'],
    ['Білогорівка', 'ru', null], // і is not a Russian letter
    ['Белогоровка', 'ru', 'belogorovka'],
    ['Тарасівка', 'uk', 'tarasivka'],
    ['Запоріжжя', 'uk', 'zaporizhzhia'],
    ['Запорожье', 'ru', 'zaporozhye'],
    ['Харків', 'uk', 'kharkiv'],
    ['Харьков', 'ru', 'kharkov'],
    ['Київ', 'uk', 'kyiv'],
    ['Єнакієве', 'uk', 'yenakiieve'],
    ['Ялта', 'uk', 'yalta'],
    ['Згурівка', 'uk', 'zghurivka'],
    ['Кам’янське', 'uk', 'kamianske'],
    ['Ейск', 'ru', 'yeysk'],
    ['Мариуполь', 'ru', 'mariupol'],
    ['Щербинка', 'ru', 'shcherbinka'],
  ]
  it.each(rows)('romanises %s in %s as %s', (cyrillic, lang, latin) => {
    const out = romanize(cyrillic, lang, table)
    expect(out === null ? null : nameKey(out)).toBe(latin)
  })

  it('files a Cyrillic name under both romanisations it can have', () => {
    expect(keysOf('Покровськ').map((k) => k.key)).toEqual(['pokrovsk'])
    expect(keysOf('Донецк').map((k) => k.key)).toContain('donetsk')
  })
})

describe('skeletonKey: Ukrainian and Russian romanisations meet', () => {
  const meet: [string, string][] = [
    ['Bilohorivka', 'Belogorovka'],
    ['Kharkiv', 'Kharkov'],
    ['Zaporizhzhia', 'Zaporozhye'],
    ['Chernihiv', 'Chernigov'],
    ['Luhansk', 'Lugansk'],
    ['Mykolaiv', 'Mikolayiv'],
    ['Horlivka', 'Gorlovka'],
    ['Yevpatoriia', 'Evpatoriya'],
    ['Avdiivka', 'Avdeevka'],
  ]
  it.each(meet)('%s meets %s', (a, b) => {
    expect(skeletonKey(nameKey(a))).not.toBe('')
    expect(skeletonKey(nameKey(a))).toBe(skeletonKey(nameKey(b)))
  })
  const apart: [string, string][] = [
    ['Mykolaiv', 'Kyiv'],
    ['Tarasivka', 'Toretsk'],
    ['Bakhmut', 'Artemivsk'],
    ['Etobicoke', 'Tobechik'],
    ['Avdiivka', 'Vdovka'],
  ]
  it.each(apart)('%s stays apart from %s', (a, b) => {
    expect(skeletonKey(nameKey(a))).not.toBe(skeletonKey(nameKey(b)))
  })
  it('gives no skeleton to short names, which would collide', () => {
    expect(skeletonKey('kyiv')).toBe('')
  })
})
