// PLOVER event types in four groups, coloured from the Okabe–Ito palette
// (distinguishable with the common colour-vision deficiencies).

export const GROUPS = [
  {
    id: 'verbal-cooperation',
    label: 'Verbal cooperation',
    color: '#0072B2',
    types: ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'REQUEST'],
  },
  {
    id: 'material-cooperation',
    label: 'Material cooperation',
    color: '#009E73',
    types: ['COOPERATE', 'AID', 'RETREAT'],
  },
  {
    id: 'verbal-conflict',
    label: 'Verbal conflict',
    color: '#B07800',
    types: ['ACCUSE', 'REJECT', 'THREATEN'],
  },
  {
    id: 'material-conflict',
    label: 'Material conflict',
    color: '#C4420A',
    types: ['PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'],
  },
]

export const TYPES = GROUPS.flatMap((g) => g.types)

export function groupOf(type) {
  return GROUPS.find((g) => g.types.includes(type)) ?? GROUPS[0]
}

export const CLAIM_STATUSES = [
  'claimed',
  'corroborated',
  'disputed',
  'denied',
  'confirmed',
  'retracted',
]
