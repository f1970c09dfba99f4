import { type HealthRecord, readHealth } from '../../db/health-repository.ts';
import { builder } from '../builder.ts';

const Health = builder.objectRef<HealthRecord>('Health').implement({
  description: 'The state of the database behind the API.',
  fields: (t) => ({
    neo4jVersion: t.exposeString('neo4jVersion'),
    edition: t.exposeString('edition', { description: 'community or enterprise' }),
    nodeCount: t.exposeInt('nodeCount'),
    relationshipCount: t.exposeInt('relationshipCount'),
  }),
});

builder.queryField('health', (t) =>
  t.field({
    type: Health,
    description: 'Neo4j version and edition, with node and relationship counts.',
    resolve: (_root, _args, { db }) => readHealth(db),
  }),
);
