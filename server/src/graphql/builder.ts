import SchemaBuilder from '@pothos/core';
import type { Context } from './context.ts';

export const builder = new SchemaBuilder<{ Context: Context }>({});

builder.queryType({});
