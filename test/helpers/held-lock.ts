// Requests that are slow for exactly as long as a test says, whatever the machine's load: a
// transaction of the test's own holds the write lock of one entity, so that curators' upserts of
// it wait inside Neo4j until the test lets go.
import type { Database } from '../../server/src/db/database.ts';

/** Holds the write lock of entity `id` in an open transaction until release() rolls it back. */
export async function holdLock(db: Database, id: string): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked = () => {};
  const taken = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holder = db.transaction(
    async (tx) => {
      await tx.run('MERGE (e:Entity {id: $id}) SET e.name = $name', { id, name: 'held' });
      locked();
      await released;
    },
    { rollback: true, timeoutMs: 60_000 },
  );
  await taken;
  return async () => {
    release();
    await holder;
  };
}

/** Transactions waiting in Neo4j for a lock: the upserts that run, stopped at the held one. */
export async function waitingUpserts(db: Database): Promise<number> {
  const [row] = await db.read<{ n: number }>(
    "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n",
  );
  return row?.n ?? 0;
}

/** Resolves once `condition` holds, polling; throws when it does not within `timeoutMs`. */
export async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
