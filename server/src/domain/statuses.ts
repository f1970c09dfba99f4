export const RELATIONSHIP_STATUSES = ['active', 'ended', 'frozen', 'proposed', 'alleged'] as const;

export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

export const DEFAULT_STATUS: RelationshipStatus = 'active';

export const STATUS_INFO: Record<
  RelationshipStatus,
  { label: string; description: string; colour: string }
> = {
  // Okabe–Ito colours, as the kinds use: told apart with every common colour-vision deficiency.
  active: { label: 'active', description: 'Holds, as far as the sources say.', colour: '#009E73' },
  ended: { label: 'ended', description: 'Held once and no longer does.', colour: '#999999' },
  frozen: {
    label: 'frozen',
    description: 'Suspended by one side, not formally ended.',
    colour: '#56B4E9',
  },
  proposed: {
    label: 'proposed',
    description: 'Called for, announced or proposed, not (yet) in force.',
    colour: '#E69F00',
  },
  alleged: {
    label: 'alleged',
    description: 'Claimed by someone, not established.',
    colour: '#CC79A7',
  },
};

/**
 * How a relationship in a status is drawn, decided once for every view: faded when it no longer
 * holds in full (ended, frozen), dashed when it is not established (proposed, alleged).
 */
export const STATUS_STYLE: Record<RelationshipStatus, { faded: boolean; dashed: boolean }> = {
  active: { faded: false, dashed: false },
  ended: { faded: true, dashed: false },
  frozen: { faded: true, dashed: false },
  proposed: { faded: false, dashed: true },
  alleged: { faded: false, dashed: true },
};
