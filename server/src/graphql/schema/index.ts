import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import './scalars.ts';
import './enums.ts';
import './entity.ts';
import './relationship.ts';
import './search.ts';
import './graph.ts';
import './change.ts';
import './stats.ts';
import './datasets.ts';
import './ontology.ts';
import './health.ts';
import './curation.ts';
import './revision.ts';
import './viewer.ts';
import './duplicates.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
