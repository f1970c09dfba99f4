import { describe, expect, it } from 'vitest';
import { missingRequirements, planRequirements, requirementsOf } from './system-requirements.mjs';

const present = { chromium: () => true, javaMajor: () => 17, maven: () => true };

describe('requirementsOf', () => {
  it('npm test needs Chromium and the local Neo4j, NEO4J_URI notwithstanding', () => {
    expect(requirementsOf('test', [], { NEO4J_URI: 'bolt://elsewhere' })).toEqual([
      'chromium',
      'java',
      'maven',
    ]);
  });

  it('when ENTENTE_TEST_NEO4J_URI is set / npm test needs only Chromium', () => {
    expect(requirementsOf('test', [], { ENTENTE_TEST_NEO4J_URI: 'bolt://x' })).toEqual([
      'chromium',
    ]);
  });

  it('npm start and db start need Java and Maven unless NEO4J_URI is set', () => {
    expect(requirementsOf('start', [], {})).toEqual(['java', 'maven']);
    expect(requirementsOf('db', ['start'], {})).toEqual(['java', 'maven']);
    expect(requirementsOf('start', [], { NEO4J_URI: 'neo4j+s://x' })).toEqual([]);
    expect(requirementsOf('db', ['status'], {})).toEqual([]);
    expect(requirementsOf('seed', [], {})).toEqual([]);
  });

  it('asking for help needs nothing', () => {
    expect(requirementsOf('db', ['start', '--help'], {})).toEqual([]);
    expect(requirementsOf('test', ['-h'], {})).toEqual([]);
  });
});

describe('missingRequirements', () => {
  it('counts a Java older than 17, or none, as missing', () => {
    const all = ['chromium', 'java', 'maven'] as const;
    expect(missingRequirements([...all], present)).toEqual([]);
    expect(missingRequirements([...all], { ...present, javaMajor: () => 11 })).toEqual(['java']);
    expect(
      missingRequirements([...all], {
        chromium: () => false,
        javaMajor: () => undefined,
        maven: () => false,
      }),
    ).toEqual([...all]);
  });

  it('probes only what is needed', () => {
    const probe = { ...present, chromium: () => false };
    expect(missingRequirements(['java', 'maven'], probe)).toEqual([]);
  });
});

describe('planRequirements', () => {
  it('when nothing is missing / does nothing', () => {
    expect(planRequirements([], { root: false, aptGet: false, command: 'test' })).toEqual({
      action: 'none',
    });
  });

  it('as root with apt-get / updates once, then installs without recommends, saying so', () => {
    const plan = planRequirements(['chromium'], { root: true, aptGet: true, command: 'test' });
    expect(plan).toMatchObject({
      action: 'install',
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
      ],
    });
    expect(plan.action === 'install' && plan.message).toMatch(
      /npm test needs Chromium, for the browser tests\. Installing: chromium/,
    );
  });

  it('installs every missing package in one apt-get install', () => {
    const plan = planRequirements(['chromium', 'java', 'maven'], {
      root: true,
      aptGet: true,
      command: 'test',
    });
    expect(plan.action === 'install' && plan.commands[1]).toEqual([
      'apt-get',
      'install',
      '-y',
      '--no-install-recommends',
      'chromium',
      'openjdk-17-jre-headless',
      'maven',
    ]);
  });

  it('when not root / stops with the exact sudo command', () => {
    const plan = planRequirements(['chromium'], { root: false, aptGet: true, command: 'test' });
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message).toContain(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium',
    );
    expect(plan.action === 'stop' && plan.message).not.toMatch(/NEO4J_URI/);
  });

  it('without apt-get / names the packages and the Neo4j one may use instead', () => {
    const test = planRequirements(['java'], { root: true, aptGet: false, command: 'test' });
    expect(test.action === 'stop' && test.message).toMatch(
      /Java 17 or newer.*\n.*apt-get install openjdk-17-jre-headless.*\nOr set ENTENTE_TEST_NEO4J_URI/,
    );
    const db = planRequirements(['maven'], { root: false, aptGet: false, command: 'db' });
    expect(db.action === 'stop' && db.message).toMatch(
      /^npm run db:start needs what this machine lacks: Maven.*NEO4J_URI/s,
    );
  });
});
