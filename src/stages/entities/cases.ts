import type { EntityType } from '../../core/record.js'

/**
 * Test tables for the entities stage (P11): rows that must be found and rows
 * that must not. Texts are written for these tests, in news style.
 */

/** [text, entity name, type, role (undefined: not checked)] */
export const ENTITY_HITS: readonly [string, string, EntityType, (string | null)?][] = [
  // titles and ranks
  [
    'Major General Serhii Kryvonos says Beijing may claim otherwise.',
    'Serhii Kryvonos',
    'PERSON',
    'Major General',
  ],
  [
    'Retired Ukrainian Major General Serhii Kryvonos spoke.',
    'Serhii Kryvonos',
    'PERSON',
    'retired Ukrainian Major General',
  ],
  [
    'Ukrainian President Volodymyr Zelenskyy says troops advanced.',
    'Volodymyr Zelenskyy',
    'PERSON',
    'President of Ukraine',
  ],
  ['Maj. Gen. Ivan Petrov arrived on Monday.', 'Ivan Petrov', 'PERSON', 'Major General'],
  [
    '"We will not leave," Senator Daniel Whitcomb told reporters.',
    'Daniel Whitcomb',
    'PERSON',
    'Senator',
  ],
  ['Secretary of State John Kerry met the envoy.', 'John Kerry', 'PERSON'],
  ['Texas Sen. Ted Cruz criticised the plan.', 'Ted Cruz', 'PERSON'],
  // descriptors and appositives
  [
    'The claim was denied by foreign ministry spokesman Hou Zhenyu on Friday.',
    'Hou Zhenyu',
    'PERSON',
  ],
  ['Adam Yahya, a doctor at the city hospital, said staff were exhausted.', 'Adam Yahya', 'PERSON'],
  ['"It shook," said Nadiia Levchenko, 63, who lives nearby.', 'Nadiia Levchenko', 'PERSON'],
  ['He was defended by his lawyer, Nino Abashidze.', 'Nino Abashidze', 'PERSON'],
  [
    'Relatives of 34-year-old nurse Iryna Solovei laid flowers.',
    'Iryna Solovei',
    'PERSON',
    '34-year-old nurse',
  ],
  [
    '"We stay," said Tamar Kvaratskhelia, a 24-year-old student who was wrapped in a flag.',
    'Tamar Kvaratskhelia',
    'PERSON',
    '24-year-old student',
  ],
  ['Officials said Halvorsen told the committee the figures were wrong.', 'Halvorsen', 'PERSON'],
  // a possessive inside the appositive is its owner, not its head
  [
    '"We will not leave," said Amira Osman, the group\'s coordinator.',
    'Amira Osman',
    'PERSON',
    "group's coordinator",
  ],
  ['The decision was announced by Karim Haddad, the city’s mayor.', 'Karim Haddad', 'PERSON'],
  ['Ships were turned back from Mokha, the province’s main port.', 'Mokha', 'GPE'],
  // organisations: head words, acronyms, outlets, country institutions
  ['The Security Service of Ukraine (SBU) opened a case.', 'Security Service of Ukraine', 'ORG'],
  ['Shelling by the Rapid Support Forces (RSF) killed 27 people.', 'Rapid Support Forces', 'ORG'],
  [
    'The 149th Separate Mechanised Brigade said it repelled the attack.',
    '149th Separate Mechanised Brigade',
    'ORG',
  ],
  ['Russia’s Defence Ministry said its forces advanced.', 'Russia’s Defence Ministry', 'ORG'],
  [
    'The Chinese foreign ministry spokesman declined to comment.',
    'Chinese foreign ministry',
    'ORG',
  ],
  ['The Israeli military said it struck a depot.', 'Israeli military', 'ORG'],
  ['Sudan’s army said the toll was lower.', 'Sudan’s army', 'ORG'],
  ['UNIAN has reported the capture.', 'UNIAN', 'ORG'],
  ['The statement was posted on Telegram late on Monday.', 'Telegram', 'ORG'],
  ['The Kremlin said the vessels operated legally.', 'Kremlin', 'ORG'],
  ['The ruling Georgian Dream party suspended the talks.', 'Georgian Dream', 'ORG'],
  [
    'Oleh Varenyk heads the Pokrovsk city military administration.',
    'Pokrovsk city military administration',
    'ORG',
  ],
  ['KYIV, April 8 (Reuters) — Troops advanced.', 'Reuters', 'ORG'],
  [
    'PORT SUDAN, May 20 (Horn & Sahel Report) — Shelling killed 27 people.',
    'Horn & Sahel Report',
    'ORG',
  ],
  ['Environment Canada issued a heat warning.', 'Environment Canada', 'ORG'],
  [
    'Granville County Fire Marshal Doug Logan said the fire was out.',
    'Doug Logan',
    'PERSON',
    'Granville County Fire Marshal',
  ],
  // places
  ['Granville County Fire Marshal Doug Logan said the fire was out.', 'Granville County', 'GPE'],
  ['TORONTO — Police said the road was closed.', 'Toronto', 'GPE'],
  ['DETROIT (AP) — The Transportation Department said it would act.', 'Detroit', 'GPE'],
  ['Storms hit Western Australia overnight.', 'Western Australia', 'LOC'],
  ['Washington urged European allies to move faster.', 'Washington', 'GPE'],
  ['Zelenskyy urged Washington to reconsider.', 'Washington', 'GPE'],
  ['The clash took place near Tarasivka and Bilohorivka in Donetsk Oblast.', 'Bilohorivka', 'GPE'],
  [
    'The clash took place near Tarasivka and Bilohorivka in Donetsk Oblast.',
    'Donetsk Oblast',
    'GPE',
  ],
  ['The missiles were fired from the Rostov region of Russia.', 'Rostov region', 'GPE'],
  ['Troops repelled an assault near the village of Kotlyne.', 'Kotlyne', 'GPE'],
  ['The vessel loaded fuel at the Russian port of Ust-Luga.', 'Ust-Luga', 'GPE'],
  ['KYIV, April 8 (Reuters) — Troops advanced.', 'Kyiv', 'GPE'],
  ['China has criticized the US for prolonging the war.', 'United States', 'GPE'],
  ['Russia’s side of the border was quiet.', 'Russia', 'GPE'],
  ['Hezbollah withdrew south of the Litani River.', 'Litani River', 'LOC'],
  ['The coast guard boarded a tanker off the island of Gotland.', 'Gotland', 'LOC'],
  ['North Koreans fought on the Kursk front, far from Europe.', 'Europe', 'LOC'],
  ['A shelter near Abu Shouk camp was hit.', 'Abu Shouk camp', 'FAC'],
  ['Protesters marched on Rustaveli Avenue.', 'Rustaveli Avenue', 'FAC'],
  ['Traffic stopped on Eglinton Avenue West.', 'Eglinton Avenue West', 'FAC'],
  ['The Supreme People’s Court upheld the sentence.', 'Supreme People’s Court', 'ORG'],
  [
    'He spoke at the Munich Security Conference on Saturday.',
    'Munich Security Conference',
    'EVENT',
  ],
  [
    'A US delegation will skip the upcoming Ramstein defense meeting.',
    'Ramstein defense meeting',
    'EVENT',
  ],
  ['Thousands marched to mark Independence Day.', 'Independence Day', 'EVENT'],
  // time prefixes and titles with an article
  [
    'He was preceded by then-Secretary of State Hillary Clinton in 2011.',
    'Hillary Clinton',
    'PERSON',
  ],
  ['It was backed by Speaker of the House Newt Gingrich in 1994.', 'Newt Gingrich', 'PERSON'],
  // institutions with a lower-case connector, branches of known groups, townships
  [
    'He was hauled before the Senate Subcommittee on Consumer Protection on Monday.',
    'Senate Subcommittee on Consumer Protection',
    'ORG',
  ],
  [
    'Islamic State West Africa Province (ISWAP) is active there.',
    'Islamic State West Africa Province',
    'ORG',
  ],
  ['Bombs fell on a school in the Tabayin township.', 'Tabayin', 'GPE'],
  // the head of an appositive comes before its complement and is no adjective
  [
    'Christmas trees came from Oregon, the homeland of Senator Ron Wyden, on Monday.',
    'Oregon',
    'GPE',
  ],
  ['He co-founded Centerview Partners, a private equity firm.', 'Centerview Partners', 'ORG'],
  [
    'The plan was backed by Olena Kovalchuk, a retired general, on Monday.',
    'Olena Kovalchuk',
    'PERSON',
  ],
  // an institution of up to four words before a title, and a capitalised role noun as a title
  [
    'National Republican Senatorial Committee Chairman Roger Wicker tweeted.',
    'Roger Wicker',
    'PERSON',
  ],
  ['House Minority Leader Nancy Pelosi is among those who spoke.', 'Nancy Pelosi', 'PERSON'],
  ['Former Clinton Senior Adviser Sidney Blumenthal said that.', 'Sidney Blumenthal', 'PERSON'],
  // name particles
  ['President Luiz Inácio Lula da Silva spoke on Monday.', 'Luiz Inácio Lula da Silva', 'PERSON'],
  ['The plan was drafted by Ursula von der Leyen last year.', 'Ursula von der Leyen', 'PERSON'],
  // places named in a plural
  ['Rebels shelled the villages of Foua and Kfraya on Monday.', 'Foua', 'GPE'],
  ['Rebels shelled the villages of Foua and Kfraya on Monday.', 'Kfraya', 'GPE'],
  // a title-case headline keeps a name the article names again
  [
    'Mayor Vows To Fight Cuts Against Sarah Lindqvist\nThe budget of Sarah Lindqvist was cut.',
    'Sarah Lindqvist',
    'PERSON',
  ],
  // NORP
  ['Ukrainian forces captured two Chinese soldiers.', 'Chinese', 'NORP'],
  ['North Koreans fought on the Kursk front.', 'North Koreans', 'NORP'],
  ['Moscow denied evading the Western price cap.', 'Western', 'NORP'],
  ['The Soviet-era name is still used.', 'Soviet', 'NORP'],
]

/** [text, surface that must not be an entity (of `type`, or of any type when omitted)] */
export const ENTITY_MISSES: readonly [string, string, EntityType?][] = [
  ['He explained how they ended up in Russian service.', 'Russian service', 'ORG'],
  ['He explained how they ended up in Russian service.', 'Russian service'],
  [
    'He has ordered the Ukrainian Foreign Minister to contact Beijing.',
    'Ukrainian Foreign Minister',
    'PERSON',
  ],
  ['He has ordered the Ukrainian Foreign Minister to contact Beijing.', 'Foreign Minister'],
  ['Russia fired four Iskander-M ballistic missiles.', 'Iskander-M'],
  ['Residents described a night of fear.', 'Residents'],
  ['Organisers estimated the crowd at 80,000.', 'Organisers'],
  ['Separately, the army said drones struck a power station.', 'Separately'],
  ['On Thursday, officials met in April.', 'Thursday'],
  ['On Thursday, officials met in April.', 'April'],
  ['A Ukrainian military source told the outlet.', 'Ukrainian military', 'ORG'],
  ['“We are not going anywhere,” she said.', 'We'],
  ['Air raid sirens sounded across the region.', 'Air'],
  ['NATO, the alliance, met in Brussels.', 'Nato', 'GPE'],
  ['TORONTO — Police said the road was closed.', 'Police'],
  ['ADEN, Yemen — Fighting resumed on Monday.', 'Fighting'],
  ['SANAA, Feb 9 — Police detained 14 protesters.', 'Police'],
  ['Police detained 14 protesters outside the ministry.', 'Police'],
  ['"We will not leave," said Amira Osman, the group\'s coordinator.', 'Amira Osman', 'ORG'],
  ['The British government said it would act.', 'British government'],
  ['He was preceded by then-Secretary of State Hillary Clinton in 2011.', 'State Hillary Clinton'],
  ['It was backed by Speaker of the House Newt Gingrich in 1994.', 'House Newt Gingrich'],
  [
    'He spoke to the Subcommittee on Consumer Protection on Monday.',
    'Subcommittee on Consumer Protection',
    'PERSON',
  ],
  [
    'Islamic State West Africa Province (ISWAP) is active there.',
    'Islamic State West Africa Province',
    'GPE',
  ],
  ['Bombs fell on a school in the Tabayin township.', 'Tabayin', 'PERSON'],
  [
    'KANO, Nigeria (Reuters) - Suspected Islamist militants killed 12 people.',
    'Suspected Islamist',
  ],
  ['Alleged Russian saboteurs were detained in Warsaw.', 'Alleged Russian'],
  ['Sen. Marco Rubio (R-Fla.) also had strong views.', 'R-Fla'],
  ['Critics charged that the hearing failed.', 'Critics'],
  ['Aides said the president would speak.', 'Aides'],
  ['He said: He is ready to go.', 'He'],
  ['Many killed in the Benghazi attacks, Groberg says, were friends.', 'Benghazi', 'PERSON'],
  ['The event took place at the Forum last year.', 'Forum'],
  ['Former Gov. Jeb Bush of Florida said on Twitter that he disagreed.', 'Florida', 'PERSON'],
  ['House Minority Leader Nancy Pelosi is among those who spoke.', 'House Minority'],
  // a title-case headline: shapes say nothing there
  [
    'Railing Against Trump, Sanders Vows To Eliminate Tax Breaks Used By Developers\nHe spoke.',
    'Railing Against Trump',
  ],
  [
    'Railing Against Trump, Sanders Vows To Eliminate Tax Breaks Used By Developers\nHe spoke.',
    'Sanders Vows To Eliminate Tax Breaks Used By Developers',
  ],
  [
    'Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted\nClinton was not.',
    'Hillary Clinton Was Headed',
  ],
  [
    'Clinton Breaks With Obama On Lawsuit Bill\nIt passed.',
    'Clinton Breaks With Obama On Lawsuit Bill',
  ],
]

/** [text, pronoun or description (first occurrence), name of the entity it must point at] */
export const COREF_HITS: readonly [string, string, string][] = [
  // No title says the gender: the given names do (given-names.tsv).
  [
    'Iryna Melnyk met Oleksandr Prokudin at the dam. She said the water came at night.',
    'She',
    'Iryna Melnyk',
  ],
  [
    'Oleksandr Prokudin met Iryna Melnyk at the dam. She said the water came at night.',
    'She',
    'Iryna Melnyk',
  ],
  ['Zelenskyy visited the front. “We will hold,” he says.', 'he', 'Zelenskyy'],
  [
    'Retired Major General Serhii Kryvonos says Beijing may object. He also notes the captives may not be citizens.',
    'He',
    'Serhii Kryvonos',
  ],
  [
    'Oksana Marchuk, a spokeswoman for the ministry, spoke after Andrii Savchuk. She said the claim was absurd.',
    'She',
    'Oksana Marchuk',
  ],
  [
    'The Interior Ministry said 34 people were detained. The ministry rejected the allegation.',
    'The ministry',
    'Interior Ministry',
  ],
  [
    'The El Fasher Emergency Response Room said shells struck the market. More than 40 people were wounded, it said.',
    'it',
    'El Fasher Emergency Response Room',
  ],
  [
    'Sudan’s army put the toll lower. The RSF denied it. The group accused the army of using human shields.',
    'the army',
    'Sudan’s army',
  ],
  [
    'Major General Ivan Petrov met Colonel Oleh Bondar. The general said the line held.',
    'The general',
    'Ivan Petrov',
  ],
]

/** Pronouns that must not be resolved: [text, pronoun (first occurrence)] */
export const COREF_MISSES: readonly [string, string][] = [
  // Inside quotation marks the pronoun is the speaker's, not the narrator's.
  ['Savchuk said the prisoner signed a contract. “He told us nothing,” Savchuk said.', 'He'],
  // "it" before a noun phrase is no subject.
  ['The Kremlin said the ships were legal. Critics called it piracy.', 'it'],
  // A woman's pronoun cannot take a man's title.
  ['Government spokesman Daniel Whitcomb arrived. She said nothing.', 'She'],
]

/** Names that must share a cross-article key, and names that must not. */
export const SAME_KEY: readonly [string, string][] = [
  ['Zelenskyy', 'Zelensky'],
  ['Zelenskyy', 'Zelenskiy'],
  ['Volodymyr Zelenskyy', 'Volodymyr Zelensky'],
  ['Kyiv', 'Kiev'],
  ['Serhii Kryvonos', 'Serhiy Kryvonos'],
  ['Zaporizhzhia', 'Zaporozhye'],
  ['Kharkiv', 'Kharkov'],
  ['Russia’s', 'Russia'],
  ['Sánchez', 'Sanchez'],
]
export const DIFFERENT_KEY: readonly [string, string][] = [
  ['Kyiv', 'Kherson'],
  ['Georgia', 'Georgian'],
  ['Andrii Savchuk', 'Andrii'],
]

/** [text, entity name, its other surface forms (aliases) that must be listed] */
export const IDENTITY_HITS: readonly [string, string, string[]][] = [
  [
    'Ukrainian President Volodymyr Zelenskyy says troops advanced. Later Zelenskyy spoke again, and Zelensky left.',
    'Volodymyr Zelenskyy',
    ['Zelenskyy', 'Zelensky'],
  ],
  ['The European Union (EU) will act. The EU said so.', 'European Union', ['EU']],
  ['China criticized the US. The United States replied.', 'United States', ['US']],
  [
    'Captain Andrii Savchuk spoke. Savchuk said one prisoner was Nepalese.',
    'Andrii Savchuk',
    ['Savchuk'],
  ],
  [
    'The General Staff of the Armed Forces of Ukraine said so. The General Staff added details.',
    'General Staff of the Armed Forces of Ukraine',
    ['General Staff'],
  ],
  [
    'Lebanon’s Foreign Ministry condemned the strike. The Lebanese Foreign Ministry also said it would complain.',
    'Lebanese Foreign Ministry',
    ['Lebanon’s Foreign Ministry'],
  ],
]
