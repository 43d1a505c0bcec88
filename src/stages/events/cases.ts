/**
 * Test tables for the events stage: rows that must match and rows that must not. Texts are
 * written for these tests (no evaluation data); publication dates are fixed.
 */
import type { CountKey, DatePrecision, EventStatus, PloverType } from '../../core/record.js'

export interface TriggerCase {
  text: string
  type: PloverType
  /** The trigger words as written. */
  trigger: string
  mode?: string | null
}

/** Each text yields (at least) this happened event, found by this trigger. */
export const triggerHits: TriggerCase[] = [
  // A finite stance verb with "to" is an act; only the participle after its noun is not.
  {
    text: 'The ministry complained to the United Nations on Tuesday.',
    type: 'ACCUSE',
    trigger: 'complained',
  },
  // PLOVER vocabulary: asylum, cyber operations, expulsions, aid deliveries.
  {
    text: 'Thousands of families sought refuge in the neighbouring country last week.',
    type: 'REQUEST',
    trigger: 'sought refuge',
  },
  {
    text: 'The opposition leader applied for political asylum in France on Monday.',
    type: 'REQUEST',
    trigger: 'applied for political asylum',
  },
  { text: 'Hackers hacked the ministry servers on Sunday.', type: 'COERCE', trigger: 'hacked' },
  {
    text: 'The militia forced hundreds of villagers out of their homes on Friday.',
    type: 'COERCE',
    trigger: 'forced hundreds of villagers out',
    mode: 'deport',
  },
  {
    // wink tags "abducted" (a verb it does not know) as a noun
    text: 'Gunmen abducted 30 women near the town on Monday.',
    type: 'ASSAULT',
    trigger: 'abducted',
    mode: 'abduct',
  },
  {
    text: 'Police beat up two journalists outside the court on Monday.',
    type: 'ASSAULT',
    trigger: 'beat up',
  },
  {
    text: 'Volunteers handed over tonnes of medicine to the hospital on Monday.',
    type: 'AID',
    trigger: 'handed over tonnes of medicine',
  },
  {
    text: 'Russian forces shelled the town of Kupiansk on Monday.',
    type: 'ASSAULT',
    trigger: 'shelled',
    mode: 'heavy-weapons',
  },
  {
    text: 'A drone attack hit a fuel depot near Bryansk overnight.',
    type: 'ASSAULT',
    trigger: 'drone attack',
    mode: 'drone',
  },
  {
    text: 'Government troops clashed with rebels near the border on Sunday.',
    type: 'ASSAULT',
    trigger: 'clashed',
  },
  {
    text: 'Ukrainian soldiers captured three Russian servicemen near Kreminna.',
    type: 'ASSAULT',
    trigger: 'captured',
    mode: 'abduct',
  },
  {
    text: 'Police detained 12 activists outside the parliament on Friday.',
    type: 'COERCE',
    trigger: 'detained',
    mode: 'arrest',
  },
  {
    text: 'Thousands of people rallied in the capital on Saturday.',
    type: 'PROTEST',
    trigger: 'rallied',
    mode: 'demo',
  },
  { text: 'The two foreign ministers met in Ankara on Tuesday.', type: 'CONSULT', trigger: 'met' },
  {
    text: 'The delegations held talks in Doha on Wednesday.',
    type: 'CONSULT',
    trigger: 'held talks',
  },
  {
    text: 'The two sides agreed on a prisoner exchange on Thursday.',
    type: 'AGREE',
    trigger: 'agreed',
  },
  {
    text: 'Canada sanctioned four shipping companies on Monday.',
    type: 'SANCTION',
    trigger: 'sanctioned',
  },
  {
    text: 'The parties exchanged prisoners at the border crossing on Sunday.',
    type: 'AGREE',
    trigger: 'exchanged prisoners',
  },
  {
    text: 'Rescue teams evacuated 300 residents from the flooded district.',
    type: 'AID',
    trigger: 'evacuated',
  },
  {
    text: 'The minister condemned the bombing in a statement on Monday.',
    type: 'ACCUSE',
    trigger: 'condemned',
    mode: 'disapprove',
  },
  {
    text: 'The opposition accused the government of rigging the vote.',
    type: 'ACCUSE',
    trigger: 'accused',
    mode: 'allege',
  },
  {
    text: 'The senator urged allies to send more air defence systems.',
    type: 'REQUEST',
    trigger: 'urged',
  },
  { text: 'The council rejected the proposal on Tuesday.', type: 'REJECT', trigger: 'rejected' },
  {
    text: 'The army threatened to retake the city by force.',
    type: 'THREATEN',
    trigger: 'threatened',
  },
  {
    text: 'The coast guard seized a tanker off the coast on Monday.',
    type: 'COERCE',
    trigger: 'seized',
    mode: 'seize',
  },
  {
    text: 'Teachers went on strike across the region on Monday.',
    type: 'PROTEST',
    trigger: 'went on strike',
    mode: 'strike',
  },
  {
    text: 'A guided aerial bomb hit a school in the village on Sunday.',
    type: 'ASSAULT',
    trigger: 'hit',
    mode: 'aerial',
  },
  { text: 'The government said it will boycott the summit.', type: 'THREATEN', trigger: 'boycott' },
  {
    text: 'The minister said the country is ready to send peacekeepers.',
    type: 'AGREE',
    trigger: 'ready to',
  },
  {
    text: 'Students continued their hunger strike on Monday.',
    type: 'PROTEST',
    trigger: 'hunger strike',
    mode: 'hunger',
  },
  {
    text: 'The envoy undertook a mediation mission between the two sides.',
    type: 'CONSULT',
    trigger: 'mediation',
    mode: 'third-party',
  },
  { text: 'The rebels said they would not meet the demands.', type: 'REJECT', trigger: 'meet' },
  {
    text: 'Sudan must return the helicopter, the ministry said.',
    type: 'REQUEST',
    trigger: 'must',
  },
]

/** Texts with no happened event at all: precision guards. */
export const triggerMisses: string[] = [
  // a stance participle after its noun describes the group
  'Armed groups opposed to military rule have gained ground this year.',
  'The militia, a faction supported by the governor, holds the port.',
  // armed men arriving is no visit
  'The attackers arrived on motorcycles in the village late on Monday.',
  'The soldiers handed over their weapons to the commander.',
  'The shelter was full, officials said.',
  'Air raid sirens sounded across the region for two hours.',
  'The attack drones were assembled in a workshop, officials said.',
  'The city had a population of 700,000 before the war.',
  'Russia has repeatedly denied targeting civilians.',
  'The talks will continue next week in Geneva.',
  'The army did not attack the village.',
  'Officials denied that the convoy had been struck.',
  'Moscow may intensify strikes on front-line cities as winter approaches.',
  'An official, who asked not to be named, gave the figure.',
  'The war, which began in 2023, has killed tens of thousands of people.',
  'Negotiators were due to meet on Friday to discuss a ceasefire.',
  'Protesters are expected to march on the capital.',
  'In an interview, he described the March elections as unfair.',
]

export interface DateCase {
  /** A sentence with one event; the date belongs to its trigger. */
  text: string
  published: string
  date: string
  precision: DatePrecision
}

/** Relative expressions resolved against fixed publication dates, leaning into the past. */
export const dateCases: DateCase[] = [
  // 2025-05-26 is a Monday.
  {
    text: 'Rebels attacked the base on Saturday.',
    published: '2025-05-26',
    date: '2025-05-24',
    precision: 'day',
  },
  {
    text: 'Rebels attacked the base on Monday.',
    published: '2025-05-26',
    date: '2025-05-26',
    precision: 'day',
  },
  {
    text: 'Rebels attacked the base on Tuesday.',
    published: '2025-05-26',
    date: '2025-05-20',
    precision: 'day',
  },
  {
    text: 'Rebels attacked the base yesterday.',
    published: '2025-05-26',
    date: '2025-05-25',
    precision: 'day',
  },
  {
    text: 'Drones struck the port overnight, officials said on Tuesday.',
    published: '2025-05-28',
    date: '2025-05-27',
    precision: 'day',
  },
  {
    text: 'Drones struck the port overnight.',
    published: '2025-05-28',
    date: '2025-05-28',
    precision: 'day',
  },
  // "last week" is the Wednesday of the previous ISO week.
  {
    text: 'Last week, jets struck an arms depot.',
    published: '2025-08-27',
    date: '2025-08-20',
    precision: 'week',
  },
  {
    text: 'Last week, jets struck an arms depot.',
    published: '2025-10-13',
    date: '2025-10-08',
    precision: 'week',
  },
  {
    text: 'Mourners gathered on Thursday for the victims of a missile strike two days earlier.',
    published: '2025-10-16',
    date: '2025-10-14',
    precision: 'day',
  },
  {
    text: 'Troops captured the village in January.',
    published: '2025-03-10',
    date: '2025-01-15',
    precision: 'month',
  },
  {
    text: 'Troops captured the village in November.',
    published: '2025-03-10',
    date: '2024-11-15',
    precision: 'month',
  },
  {
    text: 'Troops captured the village late last year.',
    published: '2025-03-10',
    date: '2024-11-15',
    precision: 'month',
  },
  {
    text: 'Troops captured the village on 3 March.',
    published: '2025-03-10',
    date: '2025-03-03',
    precision: 'day',
  },
  {
    text: 'Troops captured the village three days ago.',
    published: '2025-03-10',
    date: '2025-03-07',
    precision: 'day',
  },
  {
    text: 'Troops captured the village last month.',
    published: '2025-03-10',
    date: '2025-02-15',
    precision: 'month',
  },
  // A date beside an event that did not happen is not the date of the deed told with it.
  {
    text: 'He urged calm before the upcoming summit on 10 April.',
    published: '2025-04-08',
    date: '2025-04-08',
    precision: 'day',
  },
  {
    text: 'Police detained 20 people after protesters marched on Monday.',
    published: '2025-05-27',
    date: '2025-05-26',
    precision: 'day',
  },
]

export interface CountCase {
  text: string
  counts: Partial<Record<CountKey, number>>
}

export const countCases: CountCase[] = [
  {
    text: 'The strike killed at least four people and wounded 19.',
    counts: { killed: 4, injured: 19 },
  },
  { text: 'Nineteen civilians were killed in the shelling.', counts: { killed: 19 } },
  { text: 'Twenty-three people were injured in the attack on Monday.', counts: { injured: 23 } },
  { text: 'Police detained 34 people at the rally on Monday.', counts: { arrested: 34 } },
  { text: 'The brigade engaged six soldiers, capturing two.', counts: { engaged: 6, captured: 2 } },
  {
    text: 'The death toll from a missile strike on the city on Tuesday has risen to six.',
    counts: { killed: 6 },
  },
  { text: 'An air strike killed two dozen fighters on Sunday.', counts: { killed: 24 } },
  { text: 'An air strike on Sunday killed both men in the car.', counts: { killed: 2 } },
  // Must not count: parts of a group, combined figures, nobody, vague words.
  {
    text: 'The strike on Monday wounded several people; three of the injured were children.',
    counts: {},
  },
  { text: 'Shelling on Monday left 212 killed and wounded, the army said.', counts: {} },
  { text: 'Drones hit a depot on Monday but no one was hurt.', counts: {} },
  { text: 'Dozens of people were wounded in the shelling on Monday.', counts: {} },
]

export interface StatusCase {
  text: string
  trigger: string
  status: EventStatus | 'dropped'
}

/** The status of one trigger: negated, hypothetical and future events are not counted as happened. */
export const statusCases: StatusCase[] = [
  { text: 'The army did not attack the village.', trigger: 'attack', status: 'negated' },
  {
    text: 'The ministry denied that its jets had struck the hospital.',
    trigger: 'struck',
    status: 'negated',
  },
  { text: 'Rebels may have attacked the convoy.', trigger: 'attacked', status: 'hypothetical' },
  {
    text: 'If talks fail, the army could attack the city.',
    trigger: 'attack',
    status: 'hypothetical',
  },
  { text: 'The government plans to ban the party.', trigger: 'ban', status: 'future' },
  { text: 'The two leaders will meet in Geneva.', trigger: 'meet', status: 'future' },
  { text: 'Protesters gathered for the upcoming rally.', trigger: 'rally', status: 'future' },
  {
    text: 'Israel has kept forces there and carries out near-daily strikes.',
    trigger: 'strikes',
    status: 'dropped',
  },
  {
    text: 'Since 2022, China has faced criticism for supporting Russia.',
    trigger: 'supporting',
    status: 'dropped',
  },
  { text: 'Rebels attacked the convoy on Monday.', trigger: 'attacked', status: 'happened' },
  {
    text: 'Militants attempted to assassinate the governor on Friday.',
    trigger: 'assassinate',
    status: 'happened',
  },
]
