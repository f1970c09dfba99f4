import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { formatProblem } from '../../seed/src/model.ts';
import { ENTITY_FIELDS } from '../../server/src/validation/record-fields.ts';
import {
  createCurationClient,
  DELETE_ENTITY,
  UPSERT_ENTITY,
  UPSERT_SOURCE,
} from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { writeDatasetDir } from '../helpers/graph.ts';
import { ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const { query, asEditor, refused, cypher } = createCurationClient(db);

const SOURCE = 'fields-test-source';
const ID = 'fields-test-bank';

/**
 * An entity with every field of the entity schema given. When a field is added to the schema,
 * add it here: the test then proves it is taken by the API's input, stored and read back.
 */
const EVERY_FIELD = {
  id: ID,
  kind: 'COMPANY',
  name: 'Fields Test Bank',
  aliases: ['FTB', 'Fields Bank'],
  description: 'A bank that has every field.',
  country: 'GB',
  founded: '1990-04',
  dissolved: '2020',
  website: 'https://bank.example.org',
  wikidata: 'Q42',
  identifiers: [
    { scheme: 'LEI', value: 'HWUPKR0MPOU8FGXBT394' },
    { scheme: 'SWIFT_BIC', value: 'FTBKGB2L' },
    { scheme: 'REGISTRATION_NUMBER', value: '01234567' },
  ],
  evidence: [{ source: SOURCE, quote: 'Fields Test Bank was founded in April 1990.' }],
};

const READ_ALL = `query($id: ID!) { entity(id: $id) {
  id kind name aliases description country founded dissolved website wikidata
  identifiers { scheme value } evidence { source { id } quote }
} }`;

beforeAll(async () => {
  await ok(asEditor(UPSERT_SOURCE, { input: { id: SOURCE, title: 'A registry extract' } }));
});

afterAll(async () => {
  await db.write('MATCH (n {id: $id}) DETACH DELETE n', { id: SOURCE });
  await db.write("MATCH (d:Dataset {id: 'fields-yaml'}) DETACH DELETE d");
  await db.close();
});

describe('every field of the entity schema', () => {
  it('is in the test entity (add a new field to EVERY_FIELD)', () => {
    expect(Object.keys(EVERY_FIELD).sort()).toEqual(ENTITY_FIELDS.map((f) => f.name).sort());
  });

  it('is set by upsertEntity, stored on the node and read back by entity(id)', async () => {
    await ok(asEditor(UPSERT_ENTITY, { input: EVERY_FIELD }));
    const { entity } = await ok(query(READ_ALL, { id: ID }));
    expect(entity).toEqual({
      ...EVERY_FIELD,
      evidence: [{ source: { id: SOURCE }, quote: EVERY_FIELD.evidence[0]?.quote }],
    });
    const [stored] = await cypher<{ schemes: string[]; values: string[] }>(
      'MATCH (e:Entity {id: $id}) RETURN e.identifierSchemes AS schemes, e.identifierValues AS values',
      { id: ID },
    );
    expect(stored).toEqual({
      schemes: ['LEI', 'SWIFT_BIC', 'REGISTRATION_NUMBER'],
      values: ['HWUPKR0MPOU8FGXBT394', 'FTBKGB2L', '01234567'],
    });
  });
});

describe('identifiers through curation', () => {
  it('are replaced by an update, and gone when the update gives none', async () => {
    const lei = [{ scheme: 'LEI', value: '549300WE6TAF5EEWQS81' }];
    await ok(asEditor(UPSERT_ENTITY, { input: { ...EVERY_FIELD, identifiers: lei } }));
    expect((await ok(query(READ_ALL, { id: ID }))).entity.identifiers).toEqual(lei);

    const { identifiers: _none, ...without } = EVERY_FIELD;
    await ok(asEditor(UPSERT_ENTITY, { input: without }));
    expect((await ok(query(READ_ALL, { id: ID }))).entity.identifiers).toEqual([]);
    const [stored] = await cypher('MATCH (e:Entity {id: $id}) RETURN e.identifierValues AS v', {
      id: ID,
    });
    expect(stored).toEqual({ v: null });
  });

  it('refuses an LEI that is not 20 letters and digits with BAD_USER_INPUT, writing nothing', async () => {
    const error = await refused(() =>
      asEditor(UPSERT_ENTITY, {
        input: { ...EVERY_FIELD, identifiers: [{ scheme: 'LEI', value: 'HWUPKR0MPOU8' }] },
      }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'identifiers' });
    expect(error.message).toBe(
      'identifiers.0.value: LEI must be 20 capital letters and digits such as "HWUPKR0MPOU8FGXBT394", got "HWUPKR0MPOU8".',
    );
  });

  it('are deleted with the entity', async () => {
    expect(await ok(asEditor(DELETE_ENTITY, { id: ID }))).toEqual({ deleteEntity: true });
  });
});

const YAML = `dataset:
  id: fields-yaml
  title: Identifiers in YAML
entities:
  - id: fields-yaml-bank
    kind: Company
    name: YAML Bank
    identifiers:
      - scheme: LEI
        value: HWUPKR0MPOU8FGXBT394
      - scheme: INN
        value: "7707083893"
`;

describe('identifiers in a YAML dataset', () => {
  it('are loaded and served by the API', async () => {
    const dir = writeDatasetDir({ 'data.yaml': YAML });
    const result = await importDatasets(db, 'test', { paths: [dir] });
    expect(result.problems).toEqual([]);
    const { entity } = await ok(query(READ_ALL, { id: 'fields-yaml-bank' }));
    expect(entity.identifiers).toEqual([
      { scheme: 'LEI', value: 'HWUPKR0MPOU8FGXBT394' },
      { scheme: 'INN', value: '7707083893' },
    ]);
    await db.write("MATCH (e:Entity {id: 'fields-yaml-bank'}) DETACH DELETE e");
  });

  it('are refused at file:line:col when an LEI is malformed or a scheme unknown', async () => {
    const bad = YAML.replace('HWUPKR0MPOU8FGXBT394', 'HWUPKR0MPOU8FGXBT39').replace(
      'scheme: INN',
      'scheme: KPP',
    );
    const dir = writeDatasetDir({ 'data.yaml': bad });
    const result = await importDatasets(db, 'test', { paths: [dir] });
    expect(result.exitCode).toBe(1);
    expect(
      result.problems.map(formatProblem).map((line) => line.replaceAll(`${dir}/`, '')),
    ).toEqual([
      'data.yaml:10:16: identifiers.0.value: LEI must be 20 capital letters and digits such as "HWUPKR0MPOU8FGXBT394", got "HWUPKR0MPOU8FGXBT39"',
      'data.yaml:11:17: identifiers.1.scheme: unknown identifier scheme "KPP" (schemes: LEI, REGISTRATION_NUMBER, TAX_NUMBER, VAT, OGRN, INN, SWIFT_BIC, ISIN, DUNS)',
    ]);
    expect(await cypher("MATCH (e:Entity {id: 'fields-yaml-bank'}) RETURN e")).toEqual([]);
  });
});
