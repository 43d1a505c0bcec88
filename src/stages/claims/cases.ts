/**
 * Test tables for the claims stage: texts that must give a claim with a given
 * claimant and stance, and texts whose statements are not check-worthy claims.
 * Written for these tests.
 */
import type { Stance, Verification } from '../../core/record.js'

export interface ClaimHit {
  name: string
  text: string
  claim: string
  claimant: string
  stance: Stance
  via?: string[]
  verification?: Verification
}

export const HITS: ClaimHit[] = [
  {
    name: 'a denier named in ", a claim X rejected" is the claimant of the denial',
    text: 'A local blogger claimed the convoy was carrying weapons, a claim the city council rejected as false.',
    claim: 'the convoy was carrying weapons',
    claimant: 'the city council',
    stance: 'denies',
  },
  {
    name: 'the claim before ", a claim X rejected" stays its author\'s assertion',
    text: 'A local blogger claimed the convoy was carrying weapons, a claim the city council rejected as false.',
    claim: 'the convoy was carrying weapons',
    claimant: 'A local blogger',
    stance: 'asserts',
  },
  {
    name: 'a denier named in ", which X denied" is the claimant of the denial',
    text: 'A rights group said the police had used live ammunition, which the interior ministry denied.',
    claim: 'the police had used live ammunition',
    claimant: 'the interior ministry',
    stance: 'denies',
  },
  {
    name: 'a reported event is asserted',
    text: 'Regional officials said Russian forces struck the city overnight, killing four people.',
    claim: 'Russian forces struck the city overnight, killing four people',
    claimant: 'Regional officials',
    stance: 'asserts',
  },
  {
    name: 'each sentence of a direct quote is its own proposition',
    text: '"North Koreans fought on the Kursk front. Chinese troops are fighting inside Ukraine," Zelenskyy says.',
    claim: 'North Koreans fought on the Kursk front',
    claimant: 'Zelenskyy',
    stance: 'asserts',
  },
  {
    name: '"may" hedges',
    text: 'Kryvonos says the captives may not officially be Chinese citizens.',
    claim: 'the captives may not officially be Chinese citizens',
    claimant: 'Kryvonos',
    stance: 'hedges',
  },
  {
    name: '"suggests" hedges',
    text: 'Zelenskyy claims Ukrainian intelligence suggests more Chinese nationals are embedded in Russian units.',
    claim: 'Ukrainian intelligence suggests more Chinese nationals are embedded in Russian units',
    claimant: 'Zelenskyy',
    stance: 'hedges',
  },
  {
    name: '"cannot rule out" hedges',
    text: '"We cannot rule out that more people are trapped under the rubble," Mykhailo Tkachuk wrote on Telegram.',
    claim: 'We cannot rule out that more people are trapped under the rubble',
    claimant: 'Mykhailo Tkachuk',
    stance: 'hedges',
    via: ['Telegram'],
  },
  {
    name: '"reportedly" in the outlet\'s own voice hedges, with the outlet as claimant',
    text: 'The tanker had reportedly switched off its transponder before entering Swedish waters.',
    claim: 'The tanker had reportedly switched off its transponder before entering Swedish waters',
    claimant: 'Test Wire',
    stance: 'hedges',
  },
  {
    name: '"could not be independently verified" is the outlet\'s hedge and marks the claims unverified',
    text: 'The figures could not be independently verified.',
    claim: 'The figures could not be independently verified',
    claimant: 'Test Wire',
    stance: 'hedges',
    verification: 'unverified',
  },
  {
    name: 'a denial verb: the denial is the claim',
    text: 'Moscow denied that it relied on a shadow fleet to evade the price cap.',
    claim: 'Moscow denied that it relied on a shadow fleet to evade the price cap',
    claimant: 'Moscow',
    stance: 'denies',
  },
  {
    name: '"rejected the claim" denies',
    text: 'Ukrainian officials rejected the claim.',
    claim: 'Ukrainian officials rejected the claim',
    claimant: 'Ukrainian officials',
    stance: 'denies',
  },
  {
    name: 'a negated fact in a quote denies',
    text: '"There was no military facility at that address," said Mykhailo Tkachuk.',
    claim: 'There was no military facility at that address',
    claimant: 'Mykhailo Tkachuk',
    stance: 'denies',
  },
  {
    name: '", which it denies": the subject denies the clause',
    text: 'Since 2022, China has faced accusations of supporting Russia by supplying dual-use items, which it denies.',
    claim:
      'Since 2022, China has faced accusations of supporting Russia by supplying dual-use items',
    claimant: 'China',
    stance: 'denies',
  },
  {
    name: 'an accusation names the accused and the act',
    text: 'The group accused the army of using residents as human shields.',
    claim: 'the army of using residents as human shields',
    claimant: 'The group',
    stance: 'asserts',
  },
  {
    name: 'the relay chain travels with the claim',
    text: 'Citing a source in the General Staff, UNIAN reported that Russian losses had reached 212 killed and wounded.',
    claim: 'Russian losses had reached 212 killed and wounded',
    claimant: 'a source in the General Staff',
    stance: 'asserts',
    via: ['UNIAN'],
  },
  {
    name: 'a speaker\'s own "working to verify" puts the claims under investigation',
    text: 'Zelenskyy says Ukrainian forces captured two Chinese soldiers. "We are working to verify all the facts," Zelenskyy says.',
    claim: 'Ukrainian forces captured two Chinese soldiers',
    claimant: 'Zelenskyy',
    stance: 'asserts',
    verification: 'under-investigation',
  },
]

export interface ClaimMiss {
  name: string
  text: string
}

/** Statements that are not check-worthy claims: opinions, wishes, exhortations, verdicts. */
export const MISSES: ClaimMiss[] = [
  { name: 'an exhortation', text: 'Washington urged European allies to move faster.' },
  { name: 'a call for action', text: 'Zelenskyy called for immediate international attention.' },
  { name: 'an obligation', text: '"Ukraine must press harder on the issue," Kryvonos said.' },
  { name: 'a wish', text: '"We hope they reconsider their position," Zelenskyy says.' },
  { name: 'a short verdict', text: '"The claim is absurd," Oksana Marchuk said.' },
  {
    name: 'a belief in the first person',
    text: '"I think the talks will fail," the senator said.',
  },
  { name: 'a question', text: '"Who ordered the strike on the convoy?" the mayor asked.' },
  {
    name: 'a purpose',
    text: '"The aim is simple: to make the war more expensive for the Kremlin," the official said.',
  },
  {
    name: 'a view attributed by an attitude verb (quotes/attitude)',
    text: 'Senator Daniel Whitcomb wants the sanctions lifted by the end of the year.',
  },
  {
    name: 'an intention attributed by an attitude noun (quotes/attitude-nominal)',
    text: "Whitcomb's decision to run for governor surprised the party.",
  },
  {
    name: 'a verification statement',
    text: '"We are working to verify all the facts," Zelenskyy says.',
  },
]
