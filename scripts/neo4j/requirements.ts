import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const JAVA_HINT =
  'Install a JDK or JRE 17 or 21 (Debian/Ubuntu: `sudo apt-get install openjdk-17-jre-headless`; ' +
  'elsewhere: https://adoptium.net) and make sure `java` is on PATH or JAVA_HOME is set. ' +
  'Or set NEO4J_URI to use a Neo4j you already run.';
const MAVEN_HINT =
  'Install Apache Maven 3 (Debian/Ubuntu: `sudo apt-get install maven`; elsewhere: ' +
  'https://maven.apache.org/install.html): it fetches Neo4j Community from Maven Central. ' +
  'Or set NEO4J_URI to use a Neo4j you already run.';

export class MissingRequirementError extends Error {}

export function javaExecutable(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Parses the major version out of `java -version` output ("17.0.15", "1.8.0_392", "21"). */
export function javaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

export function checkJava(env: NodeJS.ProcessEnv = process.env): number {
  const java = javaExecutable(env);
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new MissingRequirementError(`Java was not found (tried \`${java}\`). ${JAVA_HINT}`);
  }
  const major = javaMajor(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < 17) {
    throw new MissingRequirementError(
      `Neo4j 5.26 needs Java 17 or newer, but \`${java}\` is Java ${major ?? '(unknown)'}. ${JAVA_HINT}`,
    );
  }
  return major;
}

export function checkMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new MissingRequirementError(`Maven (\`mvn\`) was not found. ${MAVEN_HINT}`);
  }
}
