import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import './health.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
