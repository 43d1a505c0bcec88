/**
 * Test tables for the quotes stage: one row per construction. Hits name the
 * quotes that must be found (content text, speaker name and what else matters);
 * misses are texts in which a given span must not become a quote. The texts are
 * written for these tests.
 */
import type { QuoteKind } from '../../core/record.js'

export interface ExpectedQuote {
  text: string
  speaker: string | null
  kind?: QuoteKind
  via?: string[]
  anonymous?: boolean
}

export interface QuoteHit {
  name: string
  text: string
  quotes: ExpectedQuote[]
}

export const HITS: QuoteHit[] = [
  {
    name: 'direct, straight marks, "X said" after',
    text: '"We are treating children on the floor," Adam Yahya said.',
    quotes: [
      { text: 'We are treating children on the floor', speaker: 'Adam Yahya', kind: 'direct' },
    ],
  },
  {
    name: 'direct, curly marks, "said X" inverted',
    text: '“The whole building shook, and then the windows came in,” said Nadiia Levchenko, 63.',
    quotes: [
      {
        text: 'The whole building shook, and then the windows came in',
        speaker: 'Nadiia Levchenko',
        kind: 'direct',
      },
    ],
  },
  {
    name: 'direct, guillemets',
    text: '«The talks are over for this year,» the foreign minister said.',
    quotes: [{ text: 'The talks are over for this year', speaker: 'the foreign minister' }],
  },
  {
    name: 'direct, German low-high marks',
    text: '„We will rebuild the bridge by spring“, Mayor Anna Schmidt said.',
    quotes: [{ text: 'We will rebuild the bridge by spring', speaker: 'Anna Schmidt' }],
  },
  {
    name: 'direct, British single marks, anonymous source',
    text: '‘We have lost contact with the convoy,’ a military source said.',
    quotes: [
      {
        text: 'We have lost contact with the convoy',
        speaker: 'a military source',
        anonymous: true,
      },
    ],
  },
  {
    name: 'direct, doubled apostrophes of wire copy',
    text: "''There are complex arrays of similarities and differences,'' Professor Maria Alba told me.",
    quotes: [
      { text: 'There are complex arrays of similarities and differences', speaker: 'Maria Alba' },
    ],
  },
  {
    name: 'a quote split by its attribution is two items with one speaker',
    text: '"The enemy lost two tanks," the brigade\'s spokesman, Captain Andrii Savchuk, said, "and seven of the attackers laid down their weapons."',
    quotes: [
      { text: 'The enemy lost two tanks', speaker: 'Andrii Savchuk', kind: 'direct' },
      {
        text: 'and seven of the attackers laid down their weapons',
        speaker: 'Andrii Savchuk',
        kind: 'direct',
      },
    ],
  },
  {
    name: 'a quote running over two paragraphs is one item, break included',
    text: '"We heard the first explosion and ran into the corridor.\n"My neighbours did not make it," Viktor Holub said.',
    quotes: [
      {
        text: 'We heard the first explosion and ran into the corridor.\n"My neighbours did not make it',
        speaker: 'Viktor Holub',
        kind: 'direct',
      },
    ],
  },
  {
    name: 'colon attribution',
    text: 'Senior party lawmaker Zurab Chkheidze told a televised briefing on Tuesday: "What we saw last night was an attempt to provoke bloodshed."',
    quotes: [
      {
        text: 'What we saw last night was an attempt to provoke bloodshed',
        speaker: 'Zurab Chkheidze',
        kind: 'direct',
      },
    ],
  },
  {
    name: 'dash attribution',
    text: 'The mayor put it plainly — "We will rebuild every house in this city."',
    quotes: [{ text: 'We will rebuild every house in this city', speaker: 'The mayor' }],
  },
  {
    name: 'a quote nested in single marks is its own item',
    text: '"The prisoner told us, \'I had never seen a front line before last week,\' and asked for water," Savchuk said.',
    quotes: [
      { text: 'I had never seen a front line before last week', speaker: 'The prisoner' },
      {
        text: "The prisoner told us, 'I had never seen a front line before last week,' and asked for water",
        speaker: 'Savchuk',
      },
    ],
  },
  {
    name: 'scare quotes inside reported speech make a mixed quote',
    text: 'Russia\'s Defence Ministry said its troops had "liberated" the village on Wednesday.',
    quotes: [
      {
        text: 'its troops had "liberated" the village on Wednesday',
        speaker: "Russia's Defence Ministry",
        kind: 'mixed',
      },
    ],
  },
  {
    name: 'marks closing a clause begun before them make a mixed quote of the clause',
    text: 'Donald Trump\'s remarks about the judge were "the textbook definition of a racist comment," Paul Ryan said.',
    quotes: [
      {
        text: 'Donald Trump\'s remarks about the judge were "the textbook definition of a racist comment,"',
        speaker: 'Paul Ryan',
        kind: 'mixed',
      },
    ],
  },
  {
    name: 'a share of a poll as speaker, the verb mistagged as a noun',
    text: 'On economic issues, 42% say they are liberal. Nearly a third say they do not know the answer.',
    quotes: [
      { text: 'they are liberal', speaker: '42%' },
      { text: 'they do not know the answer', speaker: 'a third' },
    ],
  },
  {
    name: '"…, with X …, according to Y": the source vouches for the absolute clause',
    text: 'Voters like him more, with 56 percent viewing him positively, according to a CNN poll.',
    quotes: [{ text: 'with 56 percent viewing him positively', speaker: 'a CNN poll' }],
  },
  {
    name: 'an adverb before the subject and an apposition after it',
    text: "Even the field's biggest hawks, like Rubio and Bush, say the ground troops should be Arab fighters.",
    quotes: [
      { text: 'the ground troops should be Arab fighters', speaker: "the field's biggest hawks" },
    ],
  },
  {
    name: 'a party tag in parentheses stays with the name',
    text: 'Senator Lisa Madigan (D) asserted that the police had lost public trust.',
    quotes: [{ text: 'the police had lost public trust', speaker: 'Lisa Madigan' }],
  },
  {
    name: 'indirect "X says", titles stripped from the name',
    text: 'Ukrainian President Volodymyr Zelenskyy says Ukrainian forces have captured two soldiers.',
    quotes: [
      {
        text: 'Ukrainian forces have captured two soldiers',
        speaker: 'Volodymyr Zelenskyy',
        kind: 'indirect',
      },
    ],
  },
  {
    // A name keeps no article: the gold conventions write "Kremlin".
    name: 'indirect "X said on Saturday that"',
    text: 'The Kremlin said on Saturday that the vessels operated legally.',
    quotes: [{ text: 'the vessels operated legally', speaker: 'Kremlin' }],
  },
  {
    name: 'indirect "X told Reuters": the agency is in the relay chain',
    text: 'A senior official told Reuters that the convoy had been hit near the border.',
    quotes: [
      {
        text: 'the convoy had been hit near the border',
        speaker: 'A senior official',
        via: ['Reuters'],
        anonymous: true,
      },
    ],
  },
  {
    name: '"according to X, …"',
    text: 'According to the Kyiv School of Economics, tankers carried two-thirds of the exports.',
    quotes: [
      { text: 'tankers carried two-thirds of the exports', speaker: 'Kyiv School of Economics' },
    ],
  },
  {
    name: '"…, according to X"',
    text: 'A five-storey block partly collapsed, according to the State Emergency Service.',
    quotes: [{ text: 'A five-storey block partly collapsed', speaker: 'State Emergency Service' }],
  },
  {
    name: '"…, X said." after the content',
    text: 'Russian forces struck the city overnight, killing four people, regional officials said on Tuesday.',
    quotes: [
      {
        text: 'Russian forces struck the city overnight, killing four people',
        speaker: 'regional officials',
        anonymous: true,
      },
    ],
  },
  {
    name: '"…, said X." inverted after the content',
    text: 'The death toll has risen to six, said Mykhailo Tkachuk.',
    quotes: [{ text: 'The death toll has risen to six', speaker: 'Mykhailo Tkachuk' }],
  },
  {
    name: 'a dateline is not content',
    text: 'PORT SUDAN, May 20 (Horn Report) — Shelling killed at least 27 civilians on Monday, a volunteer group said.',
    quotes: [
      { text: 'Shelling killed at least 27 civilians on Monday', speaker: 'a volunteer group' },
    ],
  },
  {
    name: 'a dateline after a headline, with a wire hyphen, is not content',
    text: 'Strikes kill nine\nBEIRUT (Reuters) - Israeli strikes killed nine people, the health ministry said.',
    quotes: [{ text: 'Israeli strikes killed nine people', speaker: 'the health ministry' }],
  },
  {
    name: '"said in a statement" is an adjunct, not a phrasal verb',
    text: 'The ministry said in a statement that two soldiers were killed.',
    quotes: [{ text: 'two soldiers were killed', speaker: 'The ministry' }],
  },
  {
    name: 'a dateline of a place in capitals alone is not content',
    text: 'KYIV — Ukrainian forces advanced near Tarasivka, the General Staff said.',
    quotes: [{ text: 'Ukrainian forces advanced near Tarasivka', speaker: 'General Staff' }],
  },
  {
    name: 'a parenthetical attribution keeps both halves',
    text: 'This campaign, Sanders says, is different from the last one.',
    quotes: [
      { text: 'This campaign, Sanders says, is different from the last one', speaker: 'Sanders' },
    ],
  },
  {
    name: '"wrote on Telegram": the platform is in the relay chain',
    text: 'Mykhailo Tkachuk wrote on Telegram that three of the injured were children.',
    quotes: [
      {
        text: 'three of the injured were children',
        speaker: 'Mykhailo Tkachuk',
        via: ['Telegram'],
      },
    ],
  },
  {
    name: '"X denied Y": the content is Y',
    text: 'The RSF denied targeting civilians.',
    quotes: [{ text: 'targeting civilians', speaker: 'RSF' }],
  },
  {
    name: '"X accused Y of Z": the content is Z',
    text: 'The group accused the army of using residents as human shields.',
    quotes: [{ text: 'using residents as human shields', speaker: 'The group' }],
  },
  {
    name: '"X urged Y to Z": the content is "Y to Z"',
    text: 'Washington urged European allies to move faster.',
    quotes: [{ text: 'European allies to move faster', speaker: 'Washington' }],
  },
  {
    name: '"X called for Z": the content is Z',
    text: 'The council called for immediate international attention.',
    quotes: [{ text: 'immediate international attention', speaker: 'The council' }],
  },
  {
    name: 'a coordinated second cue shares the subject',
    text: 'The Kremlin said the vessels operated legally and accused the EU of "piracy" against shipping.',
    quotes: [
      { text: 'the vessels operated legally', speaker: 'Kremlin' },
      { text: '"piracy" against shipping', speaker: 'Kremlin' },
    ],
  },
  {
    name: 'an apposition gives the name',
    text: 'Oleh Varenyk, the head of the city administration, said about 1,300 residents remained.',
    quotes: [{ text: 'about 1,300 residents remained', speaker: 'Oleh Varenyk' }],
  },
  {
    name: 'a relative clause between subject and cue',
    text: 'A humanitarian official, who asked not to be named, said food prices had risen tenfold.',
    quotes: [
      {
        text: 'food prices had risen tenfold',
        speaker: 'A humanitarian official',
        anonymous: true,
      },
    ],
  },
  {
    name: 'relay: "UNIAN reported, citing X"',
    text: 'Citing a source in the General Staff, UNIAN reported that Russian losses had reached 212.',
    quotes: [
      {
        text: 'Russian losses had reached 212',
        speaker: 'a source in the General Staff',
        via: ['UNIAN'],
        anonymous: true,
      },
    ],
  },
  {
    name: 'relay: "X says …, UNIAN has reported"',
    text: 'Volodymyr Zelenskyy says Ukrainian forces captured two soldiers, UNIAN has reported.',
    quotes: [
      {
        text: 'Ukrainian forces captured two soldiers',
        speaker: 'Volodymyr Zelenskyy',
        via: ['UNIAN'],
      },
    ],
  },
  {
    name: 'the publishing outlet is in the chain when the source spoke to it',
    text: 'Two officials briefed on the talks told Test Wire that the mediators would meet on Wednesday.',
    quotes: [
      {
        text: 'the mediators would meet on Wednesday',
        speaker: 'Two officials briefed on the talks',
        via: ['Test Wire'],
        anonymous: true,
      },
    ],
  },
  {
    name: 'relay: "the ministry told Interfax"',
    text: 'The defence ministry told Interfax that the convoy had reached the border.',
    quotes: [
      {
        text: 'the convoy had reached the border',
        speaker: 'The defence ministry',
        via: ['Interfax'],
      },
    ],
  },
  {
    name: 'a pronoun takes the last speaker',
    text: 'Serhii Kryvonos says Beijing may call the soldiers volunteers. He also notes the captives may not be citizens.',
    quotes: [
      { text: 'Beijing may call the soldiers volunteers', speaker: 'Serhii Kryvonos' },
      { text: 'the captives may not be citizens', speaker: 'Serhii Kryvonos' },
    ],
  },
  {
    name: 'an unattributed quote takes the speaker of the quote before it',
    text: '"The whole building shook," said Nadiia Levchenko. "I thought it was the end."',
    quotes: [
      { text: 'The whole building shook', speaker: 'Nadiia Levchenko' },
      { text: 'I thought it was the end', speaker: 'Nadiia Levchenko' },
    ],
  },
  {
    name: 'reported speech inside reported speech keeps the outer statement',
    text: 'Kryvonos says Beijing may claim the captured soldiers are volunteers.',
    quotes: [
      { text: 'Beijing may claim the captured soldiers are volunteers', speaker: 'Kryvonos' },
    ],
  },
  {
    name: "nominal attribution: a possessor's claim that …",
    text: "Moscow's claim that the strike hit only military targets was disputed.",
    quotes: [{ text: 'the strike hit only military targets', speaker: 'Moscow' }],
  },
  {
    name: 'nominal attribution: adjectives between possessor and noun',
    text: "Kyiv's long-standing fears that the dam would be blown up proved right.",
    quotes: [{ text: 'the dam would be blown up', speaker: 'Kyiv' }],
  },
  {
    name: 'nominal attribution: a possessive pronoun takes the last speaker',
    text: 'The defence ministry said the convoy was civilian. Its denial that troops had crossed the border came hours later.',
    quotes: [
      { text: 'the convoy was civilian', speaker: 'The defence ministry' },
      { text: 'troops had crossed the border', speaker: 'The defence ministry' },
    ],
  },
  {
    name: 'a short utterance that opens the sentence, with a cue after it, is speech',
    text: '“You winning?” she said. “Never,” the colonel replied.',
    quotes: [
      { text: 'You winning?', speaker: 'she', kind: 'direct' },
      { text: 'Never', speaker: 'the colonel', kind: 'direct' },
    ],
  },
  {
    name: 'an interjected clause right after "that" opens the content',
    text: 'The general said that, if ordered, his brigade would cross the river.',
    quotes: [{ text: 'if ordered, his brigade would cross the river', speaker: 'The general' }],
  },
  {
    name: 'a programme title in marks before the speaker: the indirect quote is found',
    text: 'In an interview with “Face the Nation,” the minister said the talks had failed.',
    quotes: [{ text: 'the talks had failed', speaker: 'the minister' }],
  },
  {
    name: 'a sentence adverb between commas before the cue ("X, meanwhile, said")',
    text: 'The mayor, meanwhile, said the bridge would reopen. Kovalenko, for his part, said it would not.',
    quotes: [
      { text: 'the bridge would reopen', speaker: 'The mayor' },
      { text: 'it would not', speaker: 'Kovalenko' },
    ],
  },
  {
    name: 'a party tag and a relative clause between the name and the cue',
    text: 'Sen. Claire Boyd (D-Mo.), who backs the bill, said the vote would pass.',
    quotes: [{ text: 'the vote would pass', speaker: 'Sen. Claire Boyd' }],
  },
  {
    name: 'a source after "according to" that the tagger half reads as verbs ("exit polls")',
    text: 'Turnout among young voters fell to 31 percent in the north, according to exit polls.',
    quotes: [
      {
        text: 'Turnout among young voters fell to 31 percent in the north',
        speaker: 'exit polls',
      },
    ],
  },
  {
    name: 'a whole sentence before "according to" whose verb the tagger missed',
    text: 'The governor trails her rival in the south by 4 percentage points, according to the polling average.',
    quotes: [
      {
        text: 'The governor trails her rival in the south by 4 percentage points',
        speaker: 'the polling average',
      },
    ],
  },
  {
    name: 'a quote signed with a name after a dash, as round-ups print them',
    text: '“We will rebuild every house in this village.” ― Oleksandr Prokudin\n“The water came at night.” — Iryna Melnyk, a teacher in Hola Prystan',
    quotes: [
      { text: 'We will rebuild every house in this village', speaker: 'Oleksandr Prokudin' },
      { text: 'The water came at night', speaker: 'Iryna Melnyk' },
    ],
  },
  {
    name: 'a dateline with a horizontal bar stays out of the content',
    text: 'WASHINGTON ― The sanctions will stay in place, two officials said Friday, as they left the meeting.',
    quotes: [{ text: 'The sanctions will stay in place', speaker: 'two officials' }],
  },
  {
    name: '"continued" attributes a direct quote to its subject',
    text: '“The dam will not hold,” the engineer said. “We have warned them for a year,” she continued.',
    quotes: [
      { text: 'The dam will not hold', speaker: 'the engineer' },
      // "she" resolves to the last speaker.
      { text: 'We have warned them for a year', speaker: 'the engineer' },
    ],
  },
  {
    name: '"continue" inside reported content does not end it',
    text: 'The ministry said the talks had been useful and would continue next week in Geneva.',
    quotes: [
      {
        text: 'the talks had been useful and would continue next week in Geneva',
        speaker: 'The ministry',
      },
    ],
  },
  {
    name: '"citing" reasons, not a source, leaves the speaker alone',
    text: '“Families are leaving every week,” the mayor said, citing the closed schools.',
    quotes: [{ text: 'Families are leaving every week', speaker: 'the mayor' }],
  },
  {
    name: 'a bare weekday after a trailing cue ("…, officials said Tuesday.")',
    text: 'The bridge at Zatoka was destroyed, officials said Tuesday.',
    quotes: [{ text: 'The bridge at Zatoka was destroyed', speaker: 'officials' }],
  },
  {
    name: 'a weekday and a part of the day after a trailing cue',
    text: 'Two ferries were sunk overnight, the navy said Friday afternoon.',
    quotes: [{ text: 'Two ferries were sunk overnight', speaker: 'the navy' }],
  },
  {
    name: 'an abbreviated date between the cue and "that"',
    text: 'The governor said Sept. 5 that the evacuation would go on.',
    quotes: [{ text: 'the evacuation would go on', speaker: 'The governor' }],
  },
]

/** Cue verbs of the "X <verb> that …" construction: each must produce an indirect quote. */
export const CUE_VERBS = [
  'said',
  'says',
  'warned',
  'claimed',
  'noted',
  'added',
  'stressed',
  'revealed',
  'confirmed',
  'announced',
  'insisted',
  'argued',
  'acknowledged',
  'reported',
  'alleged',
  'estimated',
  'predicted',
  'explained',
  'suggested',
  'admitted',
]

export interface QuoteMiss {
  name: string
  text: string
  /** A span that must not be the content of any quote (empty string: no quote at all). */
  notQuoted: string
}

export const MISSES: QuoteMiss[] = [
  {
    name: '"continued" without marked words says nothing',
    text: 'The shelling continued throughout the night as troops advanced on the town.',
    notQuoted: '',
  },
  {
    name: 'a title in marks after a preposition is a name, not speech',
    text: 'On the weekend broadcast of “Fox News Sunday,” the senator said the vote would fail.',
    notQuoted: 'Fox News Sunday',
  },
  {
    name: 'a word or two in marks inside a sentence stays scare quotes, cue or not',
    text: 'He called it a “peace plan,” officials said.',
    notQuoted: 'peace plan',
  },
  {
    name: 'a short marked opener followed by a view, not a speech cue, is no quote',
    text: '“Brave,” critics believe, is the wrong word.',
    notQuoted: 'Brave',
  },
  {
    name: 'a time word after the cue is no content ("officials said Friday, as …")',
    text: 'The port was closed, officials said Friday, as they met in Odesa.',
    notQuoted: 'Friday, as they met in Odesa',
  },
  {
    name: 'a phrasal verb says nothing ("called in air support")',
    text: 'Troops had called in air support before dawn.',
    notQuoted: '',
  },
  {
    name: 'a phrasal verb says nothing ("called off the talks")',
    text: 'The government called off the talks on Monday.',
    notQuoted: '',
  },
  {
    name: 'a participle after its noun is no cue ("groups opposed to military rule have …")',
    text: 'Armed groups opposed to military rule have gained ground.',
    notQuoted: '',
  },
  {
    name: 'an object noun closed before a new clause is no content ("claimed responsibility, but")',
    text: 'No group has claimed responsibility, but two militias are active in the area.',
    notQuoted: '',
  },
  {
    name: 'scare quotes are no quote',
    text: 'The so-called "shadow fleet" carries Russian oil.',
    notQuoted: '',
  },
  {
    name: 'a title in quotation marks is no quote',
    text: 'He appeared on "Saturday Night Live" last week.',
    notQuoted: '',
  },
  {
    name: 'a statement not made is no quote',
    text: "Russia's Defence Ministry did not comment on the reported capture.",
    notQuoted: '',
  },
  {
    name: '"carried out" is no relay',
    text: 'Its forces carried out a strike on the depot.',
    notQuoted: '',
  },
  {
    name: 'a participle modifying a noun is no speech',
    text: 'The captives had credit cards confirming their citizenship.',
    notQuoted: 'their citizenship',
  },
  {
    name: 'a passive participle with "by" is no speech',
    text: 'The village cited by Moscow lies north of Pokrovsk.',
    notQuoted: '',
  },
  {
    name: 'an attributive participle is no cue',
    text: 'The reported capture of the bridge changed the front.',
    notQuoted: '',
  },
  {
    name: '"speaking on condition of anonymity" is not the content',
    text: 'The official, who spoke on condition of anonymity, said the package would list 120 vessels.',
    notQuoted: 'on condition of anonymity',
  },
  {
    name: 'a relative "that" after an attribution noun is no content clause',
    text: "Moscow's claim that was made on Monday proved false.",
    notQuoted: '',
  },
  {
    name: 'an attribution noun with no possessor has no holder',
    text: 'The claim that the bridge had fallen proved false.',
    notQuoted: '',
  },
  {
    name: 'a noun after a singular noun is no cue',
    text: 'The talk show host interviewed the governor.',
    notQuoted: '',
  },
  {
    name: 'a noun after "news" is no cue',
    text: 'The news show ran a segment on the governor.',
    notQuoted: '',
  },
  {
    name: 'a cue glued to a hyphen is a modifier',
    text: 'The Times obtained 72 work-related emails that Carter sent from his account.',
    notQuoted: 'emails that Carter sent from his account',
  },
  {
    name: 'a plural noun after a possessive pronoun is no cue',
    text: 'Her remarks on the war drew criticism from both parties.',
    notQuoted: 'on the war drew criticism from both parties',
  },
  {
    name: 'a noun that attributes nothing is no cue',
    text: "The army's report that reached Kyiv was brief.",
    notQuoted: '',
  },
]

/** A quote a named rule must find: its content (first span start to last span end), speaker and rule. */
export interface RuleHit {
  name: string
  text: string
  content: string
  speaker: string | null
  by: string
}

/** Constructions beyond speech verbs, each with the rule id a consumer can filter on. */
export const RULE_HITS: RuleHit[] = [
  {
    name: 'raising: "X is expected to …" has no source',
    text: 'Obama is expected to join Clinton on the campaign trail soon.',
    content: 'Obama is expected to join Clinton on the campaign trail soon',
    speaker: null,
    by: 'quotes/raising',
  },
  {
    name: 'raising: "X seems to …" has no source',
    text: 'The governor seemed to be losing ground in the polls.',
    content: 'The governor seemed to be losing ground in the polls',
    speaker: null,
    by: 'quotes/raising',
  },
  {
    name: 'raising: "X is widely believed to …"',
    text: 'The commander is widely believed to have fled the city.',
    content: 'The commander is widely believed to have fled the city',
    speaker: null,
    by: 'quotes/raising',
  },
  {
    name: 'asked-passive: "Asked by X to …," names the asker',
    text: 'Asked by a reporter to respond to the criticism, Carson said the attacks were unfair.',
    content: 'to respond to the criticism',
    speaker: 'a reporter',
    by: 'quotes/asked-passive',
  },
  {
    name: 'asked-passive: "Asked if …," has no asker',
    text: 'Asked if the emails were illegal, 46 percent of voters said yes.',
    content: 'if the emails were illegal',
    speaker: null,
    by: 'quotes/asked-passive',
  },
  {
    name: 'asked-passive: "When asked whether …,"',
    text: 'When asked whether he would run again, the mayor laughed.',
    content: 'whether he would run again',
    speaker: null,
    by: 'quotes/asked-passive',
  },
  {
    name: 'according-to: a parenthetical source inside its content',
    text: 'Fundraising, according to the campaign, has surged in the same period.',
    content: 'has surged in the same period',
    speaker: 'the campaign',
    by: 'quotes/according-to',
  },
  {
    name: 'according-to: after an introductory adverb',
    text: 'Now, according to the latest poll, several states are swinging.',
    content: 'several states are swinging',
    speaker: 'the latest poll',
    by: 'quotes/according-to',
  },
  {
    name: 'progressive: "is calling for" is no passive',
    text: 'Cruz is calling for a new investigation into the leaks.',
    content: 'a new investigation into the leaks',
    speaker: 'Cruz',
    by: 'quotes/call-for',
  },
  {
    name: 'a plural subject, then a cue the tagger read as a noun: "…, records show."',
    text: 'The aircraft was insured at a value of $35 million in 2011, records show.',
    content: 'The aircraft was insured at a value of $35 million in 2011',
    speaker: 'records',
    by: 'quotes/content-x-said',
  },
  {
    name: 'a parenthetical attribution does not take a coordinated clause as content',
    text: 'The plane was insured in 2011, records show, and experts say it is worth less.',
    content: 'The plane was insured in 2011',
    speaker: 'records',
    by: 'quotes/content-x-said',
  },
  {
    name: 'attitude: a perception with an object and its predicate ("sees X as Y")',
    text: 'Many Republicans see Trump as a liability in the general election.',
    content: 'Trump as a liability in the general election',
    speaker: 'Many Republicans',
    by: 'quotes/attitude',
  },
  {
    name: 'attitude: a clause after a cognition verb ("learned that …")',
    text: 'The committee learned that the agency had ignored the warnings.',
    content: 'the agency had ignored the warnings',
    speaker: 'The committee',
    by: 'quotes/attitude',
  },
  {
    name: 'attitude: a stance with a preposition ("disagrees with")',
    text: 'Sanders disagrees with Clinton on trade.',
    content: 'Clinton on trade',
    speaker: 'Sanders',
    by: 'quotes/attitude',
  },
  {
    name: 'attitude: an intention with an object ("decided against")',
    text: 'The governor decided against a third run.',
    content: 'a third run',
    speaker: 'The governor',
    by: 'quotes/attitude',
  },
  {
    name: 'attitude: a wish with an object ("wants")',
    text: 'The mayor wants a new stadium downtown.',
    content: 'a new stadium downtown',
    speaker: 'The mayor',
    by: 'quotes/attitude',
  },
  {
    name: 'attitude: talk about a topic ("talked about")',
    text: 'Clinton talked about her plan for child care.',
    content: 'her plan for child care',
    speaker: 'Clinton',
    by: 'quotes/attitude',
  },
  {
    name: 'attitude-nominal: a possessor, an attitude noun and its object',
    text: "Trump's strikingly personal attacks on the judge are highly unusual.",
    content: 'the judge',
    speaker: 'Trump',
    by: 'quotes/attitude-nominal',
  },
  {
    name: 'attitude-nominal: a participle modifier between possessor and noun',
    text: 'Carson’s renewed endorsement of his leadership team came with caveats.',
    content: 'his leadership team',
    speaker: 'Carson',
    by: 'quotes/attitude-nominal',
  },
  {
    name: 'attitude-nominal: an infinitive in subject position ends before the verb',
    text: "The senator's decision to leave the race surprised his aides.",
    content: 'to leave the race',
    speaker: 'The senator',
    by: 'quotes/attitude-nominal',
  },
  {
    name: 'a quote closed by a full stop is not attributed by the next sentence',
    text: 'Sanders said the meeting touched on "a little bit of politics." Sanders said he did not seek the endorsement.',
    content: 'he did not seek the endorsement',
    speaker: 'Sanders',
    by: 'quotes/x-said-that',
  },
  {
    name: 'say: a content clause whose verb the tagger misread is still content',
    text: 'Doyle said each year of education yields a 10% bump in income.',
    content: 'each year of education yields a 10% bump in income',
    speaker: 'Doyle',
    by: 'quotes/x-said-that',
  },
  {
    name: "participle: shares the subject of a direct quote's inverted attribution",
    text: '“It is not new in Virginia,” said Rep. Bobby Scott, adding that the state had elected many Black officials.',
    content: 'the state had elected many Black officials',
    speaker: 'Bobby Scott',
    by: 'quotes/participle',
  },
  {
    name: 'a marked span after "adding," inherits the speaker of the quote before it',
    text: '"They are not affiliated with the campaign," she said, adding, "Mr. Trump is grateful for their support."',
    content: 'Mr. Trump is grateful for their support',
    speaker: 'she',
    by: 'quotes/inherit-last-speaker',
  },
  {
    name: 'colon-lead: a headline that opens with a name and a colon',
    text: 'Carson: Cruz taking the wrong approach to the Iowa controversy.\n\nThe debate went on.',
    content: 'Cruz taking the wrong approach to the Iowa controversy',
    speaker: 'Carson',
    by: 'quotes/colon-lead',
  },
  {
    name: 'colon-lead: a transcript turn',
    text: 'MATTHEWS: Well, speculation is bad. Everyone knows it.',
    content: 'Well, speculation is bad. Everyone knows it',
    speaker: 'MATTHEWS',
    by: 'quotes/colon-lead',
  },
  {
    name: 'in-source: a document is the source of the clause',
    text: 'In the poll, support for the governor has steadily risen over two weeks.',
    content: 'support for the governor has steadily risen over two weeks',
    speaker: 'the poll',
    by: 'quotes/in-source',
  },
  {
    name: "in-source: through an interview, the clause's subject is the source",
    text: 'In an interview with ABC News, Clinton laughed off the latest attacks on her record.',
    content: 'Clinton laughed off the latest attacks on her record',
    speaker: 'Clinton',
    by: 'quotes/in-source',
  },
  {
    name: 'content before "X said" whose comma sits inside a closing mark',
    text: 'The former secretary of state will play the "woman card," Fiorina said.',
    content: 'The former secretary of state will play the "woman card,"',
    speaker: 'Fiorina',
    by: 'quotes/content-x-said',
  },
]

export interface RuleMiss {
  name: string
  text: string
  /** A rule id that must not fire on the text. */
  by: string
}

export const RULE_MISSES: RuleMiss[] = [
  {
    name: 'raising: "expected to" with a subject who expects is intention, not raising',
    text: 'He said he expected to win the seat.',
    by: 'quotes/raising',
  },
  {
    name: 'raising: "appeared on" is no raising verb',
    text: 'The senator appeared on television to defend the bill.',
    by: 'quotes/raising',
  },
  {
    name: 'asked-passive: a participle after a noun is no reduced clause',
    text: 'The question asked by reporters to the mayor went unanswered.',
    by: 'quotes/asked-passive',
  },
  {
    name: 'asked-passive: an active "asked" is the urge frame',
    text: 'He asked the court to dismiss the case.',
    by: 'quotes/asked-passive',
  },
  {
    name: 'attitude: a negated view is no attribution',
    text: 'The mayor does not want a new stadium downtown.',
    by: 'quotes/attitude',
  },
  {
    name: 'attitude: a speech verb keeps its own rule',
    text: 'The mayor said that the stadium would be built.',
    by: 'quotes/attitude',
  },
  {
    name: 'attitude: an attributive participle is no cue',
    text: 'The favored candidate won the primary easily.',
    by: 'quotes/attitude',
  },
  {
    name: 'attitude-nominal: no possessor, no holder',
    text: 'The attacks on the judge are highly unusual.',
    by: 'quotes/attitude-nominal',
  },
  {
    name: 'attitude-nominal: a noun with a link it does not take',
    text: "The senator's support of the family was private.",
    by: 'quotes/attitude-nominal',
  },
  {
    name: 'a full stop inside the marks ends the sentence: the next one is no attribution',
    text: '"We will rebuild the bridge by spring." Officials said the budget was approved.',
    by: 'quotes/direct-x-said',
  },
  {
    name: 'colon-lead: a label is no speaker',
    text: 'Update: The vote was delayed until Friday.',
    by: 'quotes/colon-lead',
  },
  {
    name: "colon-lead: an interview's Q and A name no one",
    text: 'A: I think the conclusion is correct and we will see it soon.',
    by: 'quotes/colon-lead',
  },
  {
    name: 'colon-lead: a verb before the colon is the direct-colon frame',
    text: 'The minister said: the talks have failed for good.',
    by: 'quotes/colon-lead',
  },
  {
    name: 'in-source: a place is no source',
    text: 'In Ohio, Kasich won the primary easily.',
    by: 'quotes/in-source',
  },
  {
    name: 'in-source: a clause with its own cue is left to that cue',
    text: 'In a statement, the ministry said the bridge was destroyed.',
    by: 'quotes/in-source',
  },
  {
    name: 'in-source: the first common noun must be the source',
    text: 'In addition to his remarks, the senator raised funds in Ohio.',
    by: 'quotes/in-source',
  },
]
