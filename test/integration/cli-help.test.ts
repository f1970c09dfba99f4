// Every command answers --help with its options and examples (exit 0) and refuses an unknown
// option by naming the valid ones (exit 1). None of them needs Neo4j for that.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function run(args: string[]) {
  const result = spawnSync('node', [join(root, 'scripts', 'bootstrap.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

function runTsx(script: string, args: string[]) {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, [join(root, script), ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const commands = [
  { name: 'seed', args: ['seed'], option: '--dry-run', example: 'npm run seed -- --dry-run' },
  {
    name: 'seed:synthetic',
    args: ['seed:synthetic'],
    option: '--entities N',
    example: 'npm run seed:synthetic -- --entities 100000',
  },
  { name: 'export', args: ['export'], option: '--out DIR', example: 'npm run export -- --out' },
  {
    name: 'measures',
    args: ['measures'],
    option: '--as-of DATE',
    example: 'npm run measures -- --dataset cyber-cooperation',
  },
  { name: 'db:start', args: ['db', 'start'], option: '--profile P', example: 'npm run db:start' },
  { name: 'db:logs', args: ['db', 'logs'], option: '--lines N', example: 'npm run db:logs --' },
  { name: 'db:status', args: ['db', 'status'], option: '--json', example: 'npm run db:status --' },
  { name: 'db:dump', args: ['db', 'dump'], option: '--out FILE', example: 'npm run db:dump --' },
  {
    name: 'db:restore',
    args: ['db', 'restore'],
    option: 'restore FILE',
    example: 'npm run db:restore -- before-import.dump',
  },
];

describe.each(commands)('npm run $name', ({ args, option, example }) => {
  it('with --help / lists the options with defaults and examples, exit 0', () => {
    const { status, out } = run([...args, '--help']);
    expect(status).toBe(0);
    expect(out).toMatch(/^Usage: npm run /);
    expect(out).toContain(option);
    expect(out).toContain('(default:');
    expect(out).toContain(example);
  });

  it('with an unknown option / names it and the valid ones, exit 1', () => {
    const { status, err } = run([...args, '--no-such-option']);
    expect(status).toBe(1);
    expect(err).toContain("Unknown option '--no-such-option'. Valid options: ");
    expect(err).toContain('-h/--help');
  });
});

describe.each(['seed', 'api', 'as-of', 'ftm', 'vs-neo4j-graphql'])('npm run bench:%s', (name) => {
  it('with --help / lists the options with defaults, exit 0, touching no Neo4j', () => {
    const { status, out } = runTsx(`scripts/bench/${name}.ts`, ['--help']);
    expect(status).toBe(0);
    expect(out).toContain(`Usage: npm run bench:${name} -- [options]`);
    expect(out).toMatch(/--entities N\s+entities in the synthetic graph \(default: 100000\)/);
  });

  it('with an unknown option / names the valid ones, exit 1', () => {
    const { status, err } = runTsx(`scripts/bench/${name}.ts`, ['--entites', '5']);
    expect(status).toBe(1);
    expect(err).toMatch(/Unknown option '--entites'\. Valid options: --entities, --seed/);
  });
});

describe.each([
  { name: 'web', option: /--sizes N,N,\.\.\.\s+nodes of each subgraph \(default: 500,2000,5000\)/ },
  { name: 'start', option: /--runs N\s+timed runs of each way to start \(default: 3\)/ },
])('npm run bench:$name', ({ name, option }) => {
  it('with --help / lists the options with defaults, exit 0, starting nothing', () => {
    const { status, out } = runTsx(`scripts/bench/${name}.ts`, ['--help']);
    expect(status).toBe(0);
    expect(out).toContain(`Usage: npm run bench:${name} -- [options]`);
    expect(out).toMatch(option);
  });

  it('with an unknown option / names the valid ones, exit 1', () => {
    const { status, err } = runTsx(`scripts/bench/${name}.ts`, ['--run', '5']);
    expect(status).toBe(1);
    expect(err).toMatch(/Unknown option '--run'\. Valid options: .*--runs/);
  });
});

describe.each([
  { name: 'start', args: ['start'] },
  { name: 'serve', script: 'serve.mjs' },
  { name: 'build', script: 'build.mjs' },
])('npm $name', ({ args, script }) => {
  const call = (extra: string[]) =>
    args
      ? run([...args, ...extra])
      : (() => {
          const result = spawnSync('node', [join(root, 'scripts', script ?? ''), ...extra], {
            cwd: root,
            encoding: 'utf8',
          });
          return { status: result.status, out: result.stdout, err: result.stderr };
        })();

  it('with --help / says what it does, exit 0', () => {
    const { status, out } = call(['--help']);
    expect(status).toBe(0);
    expect(out).toMatch(/^Usage: npm (run )?\w+/);
  });

  it('with an unknown option / names the valid ones, exit 1', () => {
    const { status, err } = call(['--no-such-option']);
    expect(status).toBe(1);
    expect(err).toContain("Unknown option '--no-such-option'. Valid options: ");
    expect(err).toContain('-h/--help');
  });
});
