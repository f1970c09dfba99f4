import type { Database } from '../../server/src/db/database.ts';
import { findCandidates } from '../../server/src/db/duplicate-repository.ts';
import { findEntitiesByIds } from '../../server/src/db/entity-repository.ts';
import { nameKeys, rankMatches } from '../../server/src/domain/name-matching.ts';
import type { EntityRecord, EntityView } from '../../server/src/validation/records.ts';
import type { NameCandidate, NameLinker, NameProbe } from './model.ts';

/** Entities read from the database per name looked up. */
const CANDIDATES_READ = 50;
/** Uncertain candidates listed per name in the report. */
const LISTED = 5;

/**
 * Links a name an import gives as text to an entity already known — one of `entities` (the
 * datasets loaded in the same run), one the input itself holds (`add`) or, with `db`, one the
 * database holds — when exactly one
 * matches with certainty (domain/name-matching.ts isCertain); otherwise lists what it may be.
 * The entity an earlier load of the same dataset made for the name (one of `probe.ids`) is never
 * its match, so loading a file again links as it did the first time; the preferred id held by
 * another dataset's entity is said (`idTaken`), so that the name's own entity takes the next.
 */
export function createNameLinker(options: {
  entities: readonly EntityRecord[];
  db?: Database;
}): NameLinker {
  const runIds = new Set(options.entities.map((entity) => entity.id));
  const byKey = new Map<string, EntityRecord[]>();
  const index = (entity: EntityRecord) => {
    for (const key of nameKeys(entity.name, entity.aliases)) {
      byKey.set(key, [...(byKey.get(key) ?? []), entity]);
    }
  };
  for (const entity of options.entities) index(entity);
  return {
    add: index,
    async link(probe: NameProbe) {
      const found = new Map<string, EntityRecord>();
      const [preferred = ''] = probe.ids;
      let idTaken = runIds.has(preferred);
      /** An entity an earlier load of this dataset made for the name is the name's own. */
      const own = (entity: EntityView) =>
        probe.ids.includes(entity.id) && entity.datasets.includes(probe.dataset);
      if (options.db) {
        const [holder] = await findEntitiesByIds(options.db, [preferred]);
        if (holder && !own(holder)) idTaken = true;
        const candidates = await findCandidates(options.db, probe, CANDIDATES_READ);
        for (const entity of holder ? [holder, ...candidates] : candidates) {
          if (!own(entity)) found.set(entity.id, entity);
        }
      }
      // The run's (or the input's own) statement of an entity is what will be stored: it wins
      // over the database's.
      for (const key of nameKeys(probe.name, probe.aliases)) {
        for (const entity of byKey.get(key) ?? []) found.set(entity.id, entity);
      }
      const ranked = rankMatches(probe, [...found.values()]).map(
        (match): NameCandidate & { kind: EntityRecord['kind'] } => ({
          id: match.entity.id,
          name: match.entity.name,
          kind: match.entity.kind,
          score: match.score,
          certain: match.certain,
          reasons: match.reasons,
        }),
      );
      const certain = ranked.filter((match) => match.certain);
      if (certain.length === 1) return { linked: certain[0], matches: [], idTaken };
      const matches = certain.length > 1 ? certain : ranked.slice(0, LISTED);
      return { matches: matches.map(({ kind: _kind, ...match }) => match), idTaken };
    },
  };
}
