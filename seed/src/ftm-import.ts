import type { Database } from '../../server/src/db/database.ts';
import type { DatasetWriteReport } from '../../server/src/db/seed-repository.ts';
import { SLICE, type SliceWriter, sliceWriter } from '../../server/src/db/seed-slices.ts';
import type {
  EntityRecord,
  RelationshipRecord,
  SourceRecord,
} from '../../server/src/validation/records.ts';
import { type FtmMapped, mapFtm } from './formats/ftm.ts';
import type { InputProgress } from './inputs.ts';
import type { Problem } from './model.ts';
import { createNameLinker } from './name-links.ts';
import { entityProblems, relationshipProblems } from './validate.ts';

/** An FtM file larger than this, loaded into an empty database, is streamed (importFtmStream). */
export const STREAM_BYTES = 16 * 1024 * 1024;

export interface FtmStreamOptions {
  datasetId?: string;
  /** Records per committed slice. Default SLICE. */
  slice?: number;
  batchSize?: number;
  onReadProgress?: InputProgress;
}

export interface FtmStreamResult extends FtmMapped {
  /** What was written; with problems, the slices written before the first one (to undo). */
  report?: DatasetWriteReport;
}

/**
 * Loads one FollowTheMoney file into a database the caller found empty, without ever holding
 * its records: mapFtm reads it in passes (check and index, entities, links) and each slice of
 * `slice` records is written, as soon as it is full, in a committed transaction of its own. The
 * checks readFtm's records get from validateDatasets are made record by record here (a
 * relationship id given twice, dates out of order, a status or history the rules refuse).
 * Once a problem is found nothing more is written, the rest is still read for its problems,
 * and the caller empties the database again (see importDatasets): all or nothing, as for an
 * input read whole. A failed write throws, for the caller to undo the same way.
 */
export async function importFtmStream(
  db: Database,
  path: string,
  options: FtmStreamOptions = {},
): Promise<FtmStreamResult> {
  const slice = options.slice ?? SLICE;
  const problems: Problem[] = [];
  let writer: SliceWriter | undefined;
  let sources: SourceRecord[] = [];
  let entities: EntityRecord[] = [];
  let relationships: RelationshipRecord[] = [];
  const held = () => sources.length + entities.length + relationships.length;
  const flush = async () => {
    if (problems.length > 0 || held() === 0 || !writer) return;
    const part = { sources, entities, relationships };
    sources = [];
    entities = [];
    relationships = [];
    await writer.write(part);
  };
  const relationshipIds = new Set<string>();

  const mapped = await mapFtm(
    path,
    {
      dataset: (record) => {
        writer = sliceWriter(db, record, { fresh: true, batchSize: options.batchSize });
      },
      source: ({ record }) => {
        if (problems.length === 0) sources.push(record);
      },
      entity: (item) => {
        problems.push(...entityProblems(item));
        if (problems.length === 0) entities.push(item.record);
      },
      relationship: (item) => {
        // The ends' kinds were fitted to the type as the link was mapped.
        problems.push(...relationshipProblems(item, {}));
        if (relationshipIds.has(item.record.id)) {
          problems.push({
            ...item.origin,
            message: `duplicate relationship id "${item.record.id}"`,
          });
        }
        relationshipIds.add(item.record.id);
        if (problems.length === 0) relationships.push(item.record);
      },
      settle: async () => {
        if (held() >= slice) await flush();
      },
    },
    {
      datasetId: options.datasetId,
      problems,
      // Into an empty database, alone: a name given as text can only be an entity of the file.
      names: createNameLinker({ entities: [] }),
      onProgress:
        options.onReadProgress && ((report) => options.onReadProgress?.({ path, ...report })),
    },
  );
  await flush();
  return { ...mapped, report: writer?.report };
}
