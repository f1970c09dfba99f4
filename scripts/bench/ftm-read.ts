// The FtM benchmark's baseline (ftm.ts): reads and maps a file as the importer does, and writes
// nothing. `node --import tsx scripts/bench/ftm-read.ts FILE`
import { readFtm } from '../../seed/src/formats/ftm.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: ftm-read.ts FILE');
const read = await readFtm(file, { datasetId: 'synthetic-ftm' });
const { entities, relationships } = read;
console.log(
  `read ${entities.length} entities, ${relationships.length} relationships, ${read.problems.length} problems`,
);
if (read.problems.length > 0) process.exitCode = 1;
