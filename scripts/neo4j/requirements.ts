// The last check before the local Neo4j is fetched or started, for callers that do not come
// through bootstrap.mjs (which installs or names what is missing before any of this runs).
import { spawnSync } from 'node:child_process';
import { DEBIAN_PACKAGES, javaExecutable, javaMajor } from '../system-requirements.mjs';

const JAVA_HINT =
  `Install a JDK or JRE 17 or 21 (Debian/Ubuntu: \`sudo apt-get install ${DEBIAN_PACKAGES.java}\`; ` +
  'elsewhere: https://adoptium.net) and make sure `java` is on PATH or JAVA_HOME is set. ' +
  'Or set NEO4J_URI to use a Neo4j you already run.';
const MAVEN_HINT =
  `Install Apache Maven 3 (Debian/Ubuntu: \`sudo apt-get install ${DEBIAN_PACKAGES.maven}\`; elsewhere: ` +
  'https://maven.apache.org/install.html): it fetches Neo4j Community from Maven Central. ' +
  'Or set NEO4J_URI to use a Neo4j you already run.';

export { javaExecutable, javaMajor };

export class MissingRequirementError extends Error {}

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
