// What a command needs from the system (Chromium, Java 17+, Maven) and what to do when it is
// missing: install it with apt-get when this process may, or stop at once with the command to
// run. Plain JavaScript, because bootstrap.mjs reads it before anything else is installed.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian's package for each requirement; the hints and the installs both read these. */
export const DEBIAN_PACKAGES = {
  chromium: 'chromium',
  java: 'openjdk-17-jre-headless',
  maven: 'maven',
};

const PURPOSE = {
  chromium: 'Chromium, for the browser tests',
  java: 'Java 17 or newer, for the local Neo4j',
  maven: 'Maven, which fetches the local Neo4j',
};

/** Parses the major version out of `java -version` output ("17.0.15", "1.8.0_392", "21"). */
export function javaMajor(versionOutput) {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

/** The browser tests' Chromium: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env) {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** `java` in JAVA_HOME when set, else the one on PATH. */
export function javaExecutable(env = process.env) {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * What `bootstrap.mjs <command> [args]` needs: the tests need Chromium, and a local Neo4j unless
 * ENTENTE_TEST_NEO4J_URI names another; `start` and `db start` need the local Neo4j unless
 * NEO4J_URI is set. Asking for help needs nothing.
 */
export function requirementsOf(command, args, env) {
  if (args.includes('--help') || args.includes('-h')) return [];
  const neo4j = ['java', 'maven'];
  if (command === 'test') return ['chromium', ...(env.ENTENTE_TEST_NEO4J_URI ? [] : neo4j)];
  const startsNeo4j = command === 'start' || (command === 'db' && args[0] === 'start');
  return startsNeo4j && !env.NEO4J_URI ? neo4j : [];
}

/** Which of `needed` the probes find missing; a Java older than 17 counts as missing. */
export function missingRequirements(needed, probe) {
  return needed.filter((name) => {
    if (name === 'chromium') return !probe.chromium();
    if (name === 'java') return (probe.javaMajor() ?? 0) < 17;
    return !probe.maven();
  });
}

/**
 * The decision: nothing to do, the apt-get commands to run (root with apt-get), or the message
 * to stop with, holding the exact command for a person to run.
 */
export function planRequirements(missing, { root, aptGet, command }) {
  if (missing.length === 0) return { action: 'none' };
  const script = command === 'test' || command === 'start' ? `npm ${command}` : 'npm run db:start';
  const packages = missing.map((name) => DEBIAN_PACKAGES[name]);
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...packages];
  if (root && aptGet) {
    return {
      action: 'install',
      commands: [['apt-get', 'update'], install],
      message: `${script} needs ${missing.map((name) => PURPOSE[name]).join('; ')}. Installing: ${packages.join(' ')} (apt-get update, then ${install.join(' ')}) ...`,
    };
  }
  const sudo = root ? '' : 'sudo ';
  const how = aptGet
    ? `Install with:\n  ${sudo}apt-get update && ${sudo}${install.join(' ')}`
    : `Install with your system's package manager (on Debian/Ubuntu: apt-get install ${packages.join(' ')}).`;
  const neo4j = missing.some((name) => name !== 'chromium');
  const instead =
    command === 'test'
      ? 'Or set ENTENTE_TEST_NEO4J_URI to test against a Neo4j you run.'
      : 'Or set NEO4J_URI to use a Neo4j you run.';
  return {
    action: 'stop',
    message: `${script} needs what this machine lacks: ${missing.map((name) => PURPOSE[name]).join('; ')}.\n${how}${neo4j ? `\n${instead}` : ''}`,
  };
}

function onPath(name, env) {
  return (env.PATH ?? '').split(delimiter).some((folder) => {
    try {
      accessSync(join(folder, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Probes of this machine; `mvn` is looked up on PATH rather than run (a JVM start is slow). */
export function systemProbe(env) {
  return {
    chromium: () => {
      try {
        accessSync(chromiumPath(env), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    javaMajor: () => {
      const result = spawnSync(javaExecutable(env), ['-version'], { encoding: 'utf8' });
      if (result.error || result.status !== 0) return undefined;
      return javaMajor(`${result.stderr}${result.stdout}`);
    },
    maven: () => onPath('mvn', env),
    aptGet: () => onPath('apt-get', env),
  };
}

/**
 * Checks what `command` needs, installs what is missing when it may, and returns an exit code
 * (0: go on) after printing why it stops.
 */
export function ensureRequirements(command, args, env = process.env) {
  const probe = systemProbe(env);
  const needed = requirementsOf(command, args, env);
  const missing = missingRequirements(needed, probe);
  if (missing.includes('chromium') && env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH names ${env.CHROMIUM_PATH}, which is not an executable.`);
    return 1;
  }
  const root = process.getuid?.() === 0;
  const plan = planRequirements(missing, { root, aptGet: probe.aptGet(), command });
  if (plan.action === 'none') return 0;
  if (plan.action === 'stop') {
    console.error(plan.message);
    return 1;
  }
  console.log(plan.message);
  for (const [program, ...rest] of plan.commands) {
    const result = spawnSync(program, rest, {
      stdio: 'inherit',
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`\`${program} ${rest.join(' ')}\` failed (exit ${result.status ?? 'signal'}).`);
      return 1;
    }
  }
  const still = missingRequirements(needed, probe);
  if (still.length > 0) {
    const java = still.includes('java')
      ? ' (is an older `java` first on PATH or in JAVA_HOME?)'
      : '';
    console.error(`After the install, ${still.join(', ')} still missing${java}.`);
    console.error(planRequirements(still, { root, aptGet: false, command }).message);
    return 1;
  }
  return 0;
}
