export const RELATIONSHIP_STATUSES = ['active', 'ended', 'frozen', 'proposed', 'alleged'] as const;

export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

export const DEFAULT_STATUS: RelationshipStatus = 'active';

export const STATUS_INFO: Record<RelationshipStatus, { label: string; description: string }> = {
  active: { label: 'active', description: 'Holds, as far as the sources say.' },
  ended: { label: 'ended', description: 'Held once and no longer does.' },
  frozen: { label: 'frozen', description: 'Suspended by one side, not formally ended.' },
  proposed: {
    label: 'proposed',
    description: 'Called for, announced or proposed, not (yet) in force.',
  },
  alleged: { label: 'alleged', description: 'Claimed by someone, not established.' },
};
