// `npm run schema:print`: writes server/schema.graphql from the code-first schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../server/src/graphql/schema/index.ts';
import { ROOT } from './neo4j/settings.ts';

const file = join(ROOT, 'server', 'schema.graphql');
writeFileSync(file, `${printSchema(schema)}\n`);
console.log(`Wrote ${file}`);
