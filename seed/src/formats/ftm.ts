import { basename } from 'node:path';
import type { EntityKind } from '../../../server/src/domain/entity-kinds.ts';
import { nameKey, nameKeys } from '../../../server/src/domain/name-matching.ts';
import { slugify, stableHash } from '../../../server/src/domain/relationship-id.ts';
import { endpointProblem } from '../../../server/src/domain/relationship-types.ts';
import {
  all,
  ententeId,
  type FtmProperties,
  first,
  LINK_MAPPINGS,
  type LinkMapping,
  THING_KINDS,
} from '../../../server/src/exchange/ftm-schemata.ts';
import {
  datasetSchema,
  entitySchema,
  relationshipSchema,
  sourceSchema,
} from '../../../server/src/validation/record-schemas.ts';
import type {
  DatasetRecord,
  EntityRecord,
  EvidenceRecord,
  RelationshipRecord,
  SourceRecord,
} from '../../../server/src/validation/records.ts';
import type { Located, NameLinker, NameMatches, Problem, ReadDataset } from '../model.ts';
import { type FtmEntity, type FtmLines, type ReadProgress, scanLines } from './ftm-lines.ts';
import {
  entityFields,
  firstCountry,
  firstDate,
  firstDescription,
  ftmIdToSlug,
} from './ftm-mapping.ts';
import { kindOf, POST_SCHEMATA, type Post, postOf, typeAndRole } from './ftm-resolve.ts';
import { issueMessages } from './issues.ts';

type Counts = NonNullable<ReadDataset['counts']>;

/** What an entity made of a name given as text is called in messages. */
const AUTHORITY = 'Sanction authority';

function bump(table: Record<string, number>, key: string, by = 1): void {
  table[key] = (table[key] ?? 0) + by;
}

export interface FtmReadOptions {
  /** The dataset id. Default: from the file name. */
  datasetId?: string;
  /** Where mapping puts the problems it finds, as it finds them. Default: a new list. */
  problems?: Problem[];
  /** Called every 10,000 lines of each pass with the bytes read so far. */
  onProgress?: ReadProgress;
  /**
   * Links a name given as text (a Sanction's authority) to an entity already known when the
   * match is certain. Without one, every such name becomes an entity of this dataset.
   */
  names?: NameLinker;
}

/** Where the records mapped from an FtM file go, one at a time, as they are made. */
export interface FtmSink {
  /** Called first, with the dataset the records belong to. */
  dataset?(record: DatasetRecord): void;
  source(item: Located<SourceRecord>): void;
  entity(item: Located<EntityRecord>): void;
  relationship(item: Located<RelationshipRecord>): void;
  /** Awaited after each FtM record: a sink that writes as it reads does its writing here. */
  settle?(): Promise<void> | void;
}

/** What mapping a file leaves besides its records. */
export type FtmMapped = Pick<ReadDataset, 'dataset' | 'problems' | 'counts'> & {
  names: NameMatches;
};

/**
 * Reads a FollowTheMoney line file (one FtM entity as JSON per line, as in OpenSanctions
 * exports) into the ontology, all in memory. Schemata without a counterpart (Address, Vessel,
 * ...) and links whose ends cannot be resolved are counted in `counts.unmapped`, never dropped
 * unseen; the keys there are the FtM schema, or "<Schema> (<reason>)" for records of a mapped
 * schema.
 */
export async function readFtm(path: string, options: FtmReadOptions = {}): Promise<ReadDataset> {
  const sources: Located<SourceRecord>[] = [];
  const entities: Located<EntityRecord>[] = [];
  const relationships: Located<RelationshipRecord>[] = [];
  const mapped = await mapFtm(
    path,
    {
      source: (item) => sources.push(item),
      entity: (item) => entities.push(item),
      relationship: (item) => relationships.push(item),
    },
    options,
  );
  // FtM dates a tie's interval, never a change of its status: no phases (see DATASET-FORMAT.md).
  return { ...mapped, sources, entities, relationships, phases: [] };
}

/**
 * Maps a FollowTheMoney line file into the ontology as readFtm does, handing each record to
 * `sink` as it is made rather than holding them: one pass checks the lines and indexes the ids,
 * one maps the entities, one the links (whose ends may come later in the file). A file that
 * cannot be read is a problem at line 1, with nothing mapped.
 */
export async function mapFtm(
  path: string,
  sink: FtmSink,
  options: FtmReadOptions = {},
): Promise<FtmMapped> {
  const name = basename(path);
  const stem = name.replace(/(\.ftm)?\.(jsonl?|ndjson)$/i, '');
  const origin = (line: number) => ({ file: path, line, col: 1 });
  const problems: Problem[] = options.problems ?? [];
  const counts: Counts = { mapped: {}, unmapped: {} };

  const datasetRecord = {
    id: options.datasetId ?? (slugify(stem) || 'ftm'),
    title: stem,
    requires: [],
  };
  const dataset = datasetSchema.safeParse(datasetRecord);
  if (!dataset.success)
    problems.push({ ...origin(1), message: `dataset: ${issueMessages(dataset.error.issues)}` });
  const names: NameMatches = { linked: [], candidates: [] };
  const result: FtmMapped = {
    dataset: { record: dataset.success ? dataset.data : datasetRecord, origin: origin(1) },
    problems,
    counts,
    names,
  };

  sink.dataset?.(result.dataset.record);

  const fileSource: SourceRecord = {
    id: `ftm-${datasetRecord.id}`,
    title: `FollowTheMoney export ${name}`,
  };
  sink.source({ record: fileSource, origin: origin(1) });

  /**
   * The names Sanctions give as text, read in the first pass, as keys: the file's entities
   * that have one are handed to options.names as they are mapped, so that a name can be linked
   * to an entity of the file itself without the file's entities being held.
   */
  const authorityValues = new Set<string>();
  const seeAuthorities = (fragment: Pick<FtmEntity, 'schema' | 'properties'>) => {
    if (!options.names || fragment.schema !== 'Sanction') return;
    for (const value of all(fragment.properties, 'authority')) authorityValues.add(value);
  };
  let lines: FtmLines;
  try {
    lines = await scanLines(path, problems, options.onProgress, seeAuthorities);
  } catch (error) {
    problems.push({ ...origin(1), message: `cannot read the file: ${(error as Error).message}` });
    return result;
  }
  // An authority that is an id of the file is that entity, not a name.
  const textNames = new Set(
    [...authorityValues]
      .filter((value) => !lines.ids.has(value))
      .map(nameKey)
      .filter(Boolean),
  );
  authorityValues.clear();

  /** Every entity's slug, so two FtM ids that differ only in case or punctuation cannot merge. */
  const slugOwners = new Map<string, string>();
  for (const [id, { schema }] of lines.ids) {
    if (!THING_KINDS[schema]) continue;
    const slug = ftmIdToSlug(id);
    if (!slugOwners.has(slug)) slugOwners.set(slug, id);
  }

  const urlSources = new Map<string, string>();
  const evidenceFor = (p: FtmProperties, line: number): EvidenceRecord[] => {
    const evidence: EvidenceRecord[] = [{ source: fileSource.id }];
    for (const url of all(p, 'sourceUrl')) {
      if (!sourceSchema.shape.url.safeParse(url).success) continue;
      let id = urlSources.get(url);
      if (!id) {
        id = `${fileSource.id}-${stableHash(url).slice(0, 8)}`;
        urlSources.set(url, id);
        const publisher = first(p, 'publisher');
        sink.source({
          record: { id, title: publisher ? `${publisher}: ${url}` : url, url },
          origin: origin(line),
        });
      }
      evidence.push({ source: id });
    }
    return evidence;
  };

  /** Mapped entities by FtM id. */
  const resolved = new Map<string, { id: string; kind: EntityKind }>();
  const addEntity = (record: EntityRecord, line: number, schemaLabel: string): boolean => {
    const parsed = entitySchema.safeParse(record);
    if (!parsed.success) {
      problems.push({
        ...origin(line),
        message: `${schemaLabel} "${record.name}": ${issueMessages(parsed.error.issues)}`,
      });
      return false;
    }
    sink.entity({ record: parsed.data, origin: origin(line) });
    const named = nameKeys(record.name, record.aliases).some((key) => textNames.has(key));
    if (named && schemaLabel !== AUTHORITY) options.names?.add(parsed.data);
    return true;
  };

  /** Posts by FtM id, for the links that go through them (an Occupancy's Position). */
  const posts = new Map<string, Post>();
  for await (const record of lines.records((schema) => !LINK_MAPPINGS[schema], 'entities')) {
    await sink.settle?.();
    if (POST_SCHEMATA.has(record.schema)) {
      posts.set(record.id, postOf(record));
      bump(counts.mapped, record.schema);
      continue;
    }
    const kind = kindOf(record);
    if (!kind) {
      bump(counts.unmapped, record.schema);
      continue;
    }
    const id = ftmIdToSlug(record.id);
    if (slugOwners.get(id) !== record.id) {
      problems.push({
        ...origin(record.line),
        message: `FtM id "${record.id}" gives the same entity id "${id}" as "${slugOwners.get(id)}"`,
      });
      bump(counts.unmapped, `${record.schema} (id clash)`);
      continue;
    }
    const fields = entityFields(record.properties, record.caption);
    if (!fields) {
      bump(counts.unmapped, `${record.schema} (no name)`);
      continue;
    }
    const entity = { id, kind, ...fields, evidence: evidenceFor(record.properties, record.line) };
    if (addEntity(withoutUndefined(entity), record.line, record.schema)) {
      resolved.set(record.id, { id, kind });
      bump(counts.mapped, record.schema);
    } else bump(counts.unmapped, `${record.schema} (invalid)`);
  }

  /**
   * A sanctioning authority named in text is the entity already known by that name when one
   * matches with certainty (options.names), else one Agency of this dataset per distinct name.
   */
  const authorities = new Map<string, { id: string; kind: EntityKind }>();
  const authorityIds = new Set<string>();
  const authority = async (nameText: string, sanction: FtmEntity) => {
    const key = nameText.toLowerCase();
    const known = authorities.get(key);
    if (known) return known;
    const base = slugify(nameText) || `ftm-${stableHash(nameText)}`;
    const hashed = `${base}-${stableHash(nameText).slice(0, 8)}`;
    const taken = slugOwners.has(base) || authorityIds.has(base);
    // OpenSanctions gives a Sanction the country of the body that imposes it.
    const country = firstCountry(sanction.properties);
    const found = await options.names?.link({
      ids: taken ? [hashed] : [base, hashed],
      dataset: datasetRecord.id,
      name: nameText,
      country,
    });
    const id = taken || found?.idTaken ? hashed : base;
    if (found?.linked) {
      const end = { id: found.linked.id, kind: found.linked.kind };
      names.linked.push({
        name: nameText,
        entity: end.id,
        kind: end.kind,
        reasons: found.linked.reasons,
      });
      authorities.set(key, end);
      return end;
    }
    const agency: EntityRecord = withoutUndefined({
      id,
      kind: 'Agency' as const,
      name: nameText,
      aliases: [],
      country,
      evidence: [{ source: fileSource.id }],
    });
    if (!addEntity(agency, sanction.line, AUTHORITY)) return undefined;
    if (found && found.matches.length > 0)
      names.candidates.push({ name: nameText, entity: id, matches: found.matches });
    const end = { id, kind: 'Agency' as const };
    authorities.set(key, end);
    authorityIds.add(id);
    return end;
  };

  for await (const link of lines.records((schema) => !!LINK_MAPPINGS[schema], 'relationships')) {
    await sink.settle?.();
    const mapping = LINK_MAPPINGS[link.schema] as LinkMapping;
    const p = link.properties;
    const fromIds = all(p, mapping.from).filter(Boolean);
    const ends = all(p, mapping.to).filter(Boolean);
    if (fromIds.length === 0 || ends.length === 0) {
      bump(counts.unmapped, `${link.schema} (missing end)`);
      continue;
    }
    // A link through a post ends at the post's parties, the post's name as the role.
    const throughPosts = mapping.through ? ends.map((id) => posts.get(id)) : [];
    const toIds = mapping.through ? throughPosts.flatMap((post) => post?.to ?? []) : ends;
    const postRole = throughPosts.find((post) => post?.role)?.role;
    if (toIds.length === 0) {
      bump(counts.unmapped, `${link.schema} (dangling end)`);
      continue;
    }
    const stated = mapping.details(p);
    const { type, role } = typeAndRole(link, mapping, stated.role ?? postRole);
    const details = { ...stated, role };
    // The interval the tie held (FtM's temporal extent): an end in the past is its `until`, not
    // a status; the tie was in force until then, and "ended" from the start would say otherwise.
    const since = firstDate(p, ...(mapping.sinceKeys ?? ['startDate', 'date']));
    const until = firstDate(p, 'endDate');
    const description = withStatedStatus(details.description ?? firstDescription(p), p);
    const baseId = ententeId(link.id) ?? `ftm-${slugify(link.id) || stableHash(link.id)}`;
    let emitted = 0;
    let dangling = 0;
    let invalid = 0;
    const pairs = fromIds.flatMap((from) => toIds.map((to) => [from, to] as const));
    for (const [index, [fromId, toId]] of pairs.entries()) {
      // FtM gives a sanction's authority as a name; an id of this file is taken as that entity.
      const byName = link.schema === 'Sanction' && !lines.ids.has(fromId);
      const from = byName ? await authority(fromId, link) : resolved.get(fromId);
      const to = resolved.get(toId);
      if (!from || !to) {
        dangling += 1;
        continue;
      }
      // Ends that do not fit the type (a company as director, a family tie to a company) are
      // real ties an analyst wants to see: kept as LINKED_TO with what the FtM record called
      // them as the role, rather than dropped or forced into a type that says something false.
      const fits = endpointProblem(type, from.kind, to.kind) === undefined;
      const record: RelationshipRecord = withoutUndefined({
        // The FtM id is stable across exports; the position keeps the ends of a multi-valued record apart.
        id: index === 0 ? baseId : `${baseId}-${index + 1}`,
        type: fits ? type : 'LINKED_TO',
        from: from.id,
        to: to.id,
        status: 'active',
        history: [],
        since,
        until,
        role: fits ? details.role : [mapping.noun, details.role].filter(Boolean).join(': '),
        measure: details.measure,
        instrument: details.instrument,
        description,
        evidence: evidenceFor(p, link.line),
      });
      const parsed = relationshipSchema.safeParse(record);
      if (!parsed.success) {
        problems.push({
          ...origin(link.line),
          message: `${link.schema} "${link.id}": ${issueMessages(parsed.error.issues)}`,
        });
        invalid += 1;
        continue;
      }
      sink.relationship({ record: { ...parsed.data, id: record.id }, origin: origin(link.line) });
      emitted += 1;
    }
    // Counted per link dropped: a record with two payers of which one is an Address counts once in each.
    if (emitted > 0) bump(counts.mapped, link.schema);
    if (dangling > 0) bump(counts.unmapped, `${link.schema} (dangling end)`, dangling);
    if (invalid > 0) bump(counts.unmapped, `${link.schema} (invalid)`, invalid);
  }
  return result;
}

/**
 * FtM's `status` of a Sanction or an Interest (Membership, Directorship...) is the source's own
 * words ("Delisted", "Restrictions Removed", "active"), undated: it is kept, as said, in the
 * description, since a status phase needs a date and a status of the ontology.
 */
function withStatedStatus(description: string | undefined, p: FtmProperties): string | undefined {
  const stated = [...new Set(all(p, 'status').filter(Boolean))];
  if (stated.length === 0) return description;
  const said = stated.join('; ');
  return description
    ? `${description} (status in the source: ${said})`
    : `Status in the source: ${said}`;
}

/** Records carry no keys set to undefined, so they look the same as those the YAML reader makes. */
function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
