// The FtM benchmark's baseline (ftm.ts): reads and maps a file as the streaming importer does
// (seed/src/ftm-import.ts), counting the records and writing nothing.
// `node --import tsx scripts/bench/ftm-read.ts FILE`
import { mapFtm } from '../../seed/src/formats/ftm.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: ftm-read.ts FILE');
let entities = 0;
let relationships = 0;
const mapped = await mapFtm(
  file,
  {
    source: () => {},
    entity: () => {
      entities += 1;
    },
    relationship: () => {
      relationships += 1;
    },
  },
  { datasetId: 'synthetic-ftm' },
);
console.log(
  `read ${entities} entities, ${relationships} relationships, ${mapped.problems.length} problems`,
);
if (mapped.problems.length > 0) process.exitCode = 1;
