// The API benchmark's tables: latency of each side, and CPU per request by process.

import type { CpuReading } from './cpu.ts';
import type { Summary, WarmUp } from './latency.ts';

/** The goal: GraphQL p50 within this factor of the direct driver's. */
export const GOAL = 1.3;
export const ms = (n: number, digits = 1) => n.toFixed(digits);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');

export interface Outcome {
  name: string;
  api: Summary;
  direct: Summary;
  /** CPU milliseconds per request, by process, on each side. */
  cpu: { api: CpuReading; direct: CpuReading };
  warmUp: WarmUp;
  /** Inputs whose GraphQL answer differed from the direct one. */
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
  const rows = outcomes.map(({ name, api, direct }) => {
    const met = direct.p50 > 0 && api.p50 / direct.p50 <= GOAL ? 'met' : 'not met';
    return `| ${name} | ${api.requests} / ${direct.requests} | ${ms(api.p50)} | ${ms(direct.p50)} | ${ratio(api.p50, direct.p50)} | ${ms(api.p95)} | ${ms(direct.p95)} | ${ratio(api.p95, direct.p95)} | ${Math.round(api.perSecond)} | ${Math.round(direct.perSecond)} | ${met} |`;
  });
  return [
    '| workload | requests (GraphQL / direct) | GraphQL p50 ms | direct p50 ms | p50 ratio | GraphQL p95 ms | direct p95 ms | p95 ratio | GraphQL req/s | direct req/s | p50 within 1.3x |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ];
}

export function cpuTable(outcomes: Outcome[], floor: Floor): string[] {
  const sum = (cpu: CpuReading) => Object.values(cpu).reduce((a, b) => a + b, 0);
  const cells = (cpu: CpuReading, names: string[]) => names.map((name) => ms(cpu[name] ?? 0, 2));
  const api = ['client', 'server', 'neo4j'];
  const rows = outcomes.map(({ name, cpu }) =>
    [
      name,
      ...cells(cpu.api, api),
      ms(sum(cpu.api), 2),
      ...cells(cpu.direct, ['client', 'neo4j']),
      ms(sum(cpu.direct), 2),
    ].join(' | '),
  );
  rows.push(
    [
      '`{ __typename }` (no database)',
      ...cells(floor.cpu, api),
      ms(sum(floor.cpu), 2),
      '–',
      '–',
      '–',
    ].join(' | '),
  );
  return [
    '| workload | GraphQL: load generator | GraphQL: server | GraphQL: Neo4j | GraphQL: all | direct: load generator and driver | direct: Neo4j | direct: all |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row} |`),
  ];
}
