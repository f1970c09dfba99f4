import { afterAll, expect, it } from 'vitest';
import { connectTestDatabase } from '../helpers/database.ts';

const db = connectTestDatabase();
afterAll(() => db.close());

it('probe: dynamic relationship type in CREATE', async () => {
  const version = await db.read("CALL dbms.components() YIELD versions RETURN versions[0] AS v");
  console.log('VERSION', JSON.stringify(version));
  await db.write("CREATE (:P {id:'a'})-[:MEMBER_OF {id:'r1', x: 1}]->(:P {id:'b'}), (:P {id:'c'})");
  const out = await db.write(`
    MATCH (a:P {id:'a'})-[r]->(b:P {id:'b'}) MATCH (c:P {id:'c'})
    CREATE (c)-[n:$(type(r))]->(b) SET n = properties(r)
    DELETE r
    RETURN type(n) AS t, properties(n) AS p`);
  console.log('PROBE', JSON.stringify(out));
  expect(out[0]).toMatchObject({ t: 'MEMBER_OF' });
  await db.write('MATCH (p:P) DETACH DELETE p');
});
