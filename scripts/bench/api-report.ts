// The API benchmark's tables: latency of each side, and CPU per request by process.

import type { CpuReading } from './cpu.ts';
import type { Summary, WarmUp } from './latency.ts';

/** The goal: GraphQL p50 within this factor of the direct driver's. */
export const GOAL = 1.3;
export const ms = (n: number, digits = 1) => n.toFixed(digits);
export const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');

/**
 * Whether `a / b` is within `goal`; where the 95 % interval of that ratio reaches across the
 * goal, another run may well give the other verdict, and it says so.
 */
export function verdict(a: number, b: number, [low, high]: [number, number], goal: number): string {
  const met = b > 0 && a / b <= goal ? 'met' : 'not met';
  return low <= goal && goal <= high ? `${met} (within noise)` : met;
}

export interface Outcome {
  name: string;
  api: Summary;
  /** The same calls over plain HTTP and JSON, without GraphQL. */
  plain: Summary;
  direct: Summary;
  /** 95 % interval of GraphQL p50 / direct p50, from resampling the rounds (latency.ts). */
  p50Interval: [number, number];
  /** CPU milliseconds per request, by process, on each side. */
  cpu: { api: CpuReading; plain: CpuReading; direct: CpuReading };
  warmUp: WarmUp;
  /** Inputs whose answers differed between the sides. */
  mismatches: string[];
  errors: string[];
}

/** The fixed cost of a request that reads no data. */
export interface Floor {
  summary: Summary;
  cpu: CpuReading;
  warmUp: WarmUp;
}

export function latencyTable(outcomes: Outcome[]): string[] {
  const rows = outcomes.map(({ name, api, direct, p50Interval: [low, high] }) => {
    return `| ${name} | ${api.requests} / ${direct.requests} | ${ms(api.p50)} | ${ms(direct.p50)} | ${ratio(api.p50, direct.p50)} | ${low.toFixed(2)}–${high.toFixed(2)} | ${ms(api.p95)} | ${ms(direct.p95)} | ${ratio(api.p95, direct.p95)} | ${Math.round(api.perSecond)} | ${Math.round(direct.perSecond)} | ${verdict(api.p50, direct.p50, [low, high], GOAL)} |`;
  });
  return [
    `| workload | requests (GraphQL / direct) | GraphQL p50 ms | direct p50 ms | p50 ratio | p50 ratio, 95 % interval | GraphQL p95 ms | direct p95 ms | p95 ratio | GraphQL req/s | direct req/s | p50 within ${GOAL}x |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ];
}

/**
 * Where the GraphQL side's extra time goes: from the direct call to plain HTTP (what any network
 * API costs here), and from plain HTTP to GraphQL (what Yoga, validation and resolvers add).
 */
export function httpTable(outcomes: Outcome[]): string[] {
  const rows = outcomes.map(
    ({ name, api, plain, direct }) =>
      `| ${name} | ${ms(direct.p50)} | ${ms(plain.p50)} | ${ms(api.p50)} | ${ratio(plain.p50, direct.p50)} | ${ratio(api.p50, plain.p50)} | ${ms(plain.p95)} | ${Math.round(plain.perSecond)} |`,
  );
  return [
    '| workload | direct p50 ms | plain HTTP p50 ms | GraphQL p50 ms | plain HTTP / direct | GraphQL / plain HTTP | plain HTTP p95 ms | plain HTTP req/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ];
}

export function cpuTable(outcomes: Outcome[], floor: Floor): string[] {
  // Each side's own processes and their total: the other server idles meanwhile.
  const side = (cpu: CpuReading, names: string[]) => {
    const values = names.map((name) => cpu[name] ?? 0);
    return [...values, values.reduce((a, b) => a + b, 0)].map((value) => ms(value, 2));
  };
  const api = ['client', 'server', 'neo4j'];
  const rows = outcomes.map(({ name, cpu }) =>
    [
      name,
      ...side(cpu.api, api),
      ...side(cpu.plain, ['client', 'plain', 'neo4j']),
      ...side(cpu.direct, ['client', 'neo4j']),
    ].join(' | '),
  );
  rows.push(
    ['`{ __typename }` (no database)', ...side(floor.cpu, api), ...Array(7).fill('–')].join(' | '),
  );
  return [
    '| workload | GraphQL: load generator | GraphQL: server | GraphQL: Neo4j | GraphQL: all | plain HTTP: load generator | plain HTTP: server | plain HTTP: Neo4j | plain HTTP: all | direct: load generator and driver | direct: Neo4j | direct: all |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row} |`),
  ];
}

/** GraphQL p95 targets at a million entities, in milliseconds, by workload. */
const MILLION_P95: Record<string, number> = {
  search: 20,
  'neighborhood, depth 1': 30,
  'neighborhood, depth 2': 150,
  'paths avoiding hubs': 300,
};
/** GraphQL p50 over the same call on plain HTTP, on every workload. */
const PLAIN_GOAL = 1.25;

/** An as-of workload's p95 over the same workload without a date. */
const AS_OF_GOAL = 1.1;
const AS_OF_SUFFIX = ', as of a date';

/**
 * Each workload against its goals: the p95 targets at a million (an as-of variant has its plain
 * one's, and must be within 1.1x of it), GraphQL / plain HTTP.
 */
export function targetTable(outcomes: Outcome[], million: boolean): string[] {
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  const byName = new Map(outcomes.map((o) => [o.name, o]));
  return [
    `| workload | GraphQL p95 (ms) | p95 target (ms) | verdict | as of / without a date, p95 | ≤ ${AS_OF_GOAL} | GraphQL / plain HTTP p50 | ≤ ${PLAIN_GOAL} |`,
    '| --- | ---: | ---: | --- | ---: | --- | ---: | --- |',
    ...outcomes.map(({ name, api, plain }) => {
      const base = name.endsWith(AS_OF_SUFFIX) ? name.slice(0, -AS_OF_SUFFIX.length) : undefined;
      const target = million ? MILLION_P95[base ?? name] : undefined;
      const without = base ? byName.get(base)?.api.p95 : undefined;
      const asOf = without ? api.p95 / without : undefined;
      const over = api.p50 / plain.p50;
      return `| ${name} | ${ms(api.p95)} | ${target ?? '–'} | ${target ? met(api.p95 <= target) : '–'} | ${asOf?.toFixed(2) ?? '–'} | ${asOf ? met(asOf <= AS_OF_GOAL) : '–'} | ${over.toFixed(2)} | ${met(over <= PLAIN_GOAL)} |`;
    }),
  ];
}
