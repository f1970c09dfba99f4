import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkMaven } from './requirements.ts';

const MARKER = '.complete';

/** The Maven project that pulls Neo4j Community exactly as the official distribution's lib/ holds it. */
function pom(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>entente.local</groupId>
  <artifactId>neo4j-community-runtime</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>${version}</version></dependency>
    <dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId><version>${version}</version></dependency>
  </dependencies>
</project>
`;
}

export function isResolved(libDir: string): boolean {
  return existsSync(join(libDir, MARKER));
}

/**
 * Resolves Neo4j Community from Maven Central into libDir, once. A second call finds the
 * marker and downloads nothing; an interrupted resolve leaves no marker and is redone.
 */
export function ensureDistribution(
  version: string,
  libDir: string,
  log: (line: string) => void,
): boolean {
  if (isResolved(libDir)) return false;
  checkMaven();
  const cacheDir = dirname(libDir);
  const staging = `${libDir}.partial`;
  mkdirSync(cacheDir, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(join(cacheDir, 'pom.xml'), pom(version));
  log(`Resolving Neo4j Community ${version} from Maven Central (once) ...`);
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      join(cacheDir, 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${staging}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`Maven could not resolve Neo4j Community ${version}:\n${output}`);
  }
  const jars = readdirSync(staging).filter((name) => name.endsWith('.jar'));
  if (!jars.some((name) => name === `neo4j-${version}.jar`)) {
    throw new Error(`Maven finished but neo4j-${version}.jar is not among the ${jars.length} jars`);
  }
  rmSync(libDir, { recursive: true, force: true });
  renameSync(staging, libDir);
  writeFileSync(join(libDir, MARKER), `${new Date().toISOString()}\n`);
  log(`Neo4j Community ${version}: ${jars.length} jars in ${libDir}`);
  return true;
}
