// CPU time per process, so a benchmark can say where the time of a request went: the load
// generator, the API server, Neo4j. Linux only (/proc); elsewhere other processes read 0.

import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds a process has used so far; 0 when it cannot be read. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis
    // start at field 3, so utime and stime (fields 14 and 15) are at 11 and 12.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** This process's CPU milliseconds, at microsecond resolution. */
function selfCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export type CpuReading = Record<string, number>;

/**
 * Reads the CPU milliseconds of named processes (`self` for this one); the difference of two
 * readings is what each used in between.
 */
export function cpuMeter(processes: Record<string, number | 'self'>): () => CpuReading {
  return () =>
    Object.fromEntries(
      Object.entries(processes).map(([name, pid]) => [
        name,
        pid === 'self' ? selfCpuMs() : processCpuMs(pid),
      ]),
    );
}

/** Adds `after - before` into `total`, per process. */
export function addCpu(total: CpuReading, before: CpuReading, after: CpuReading): void {
  for (const [name, value] of Object.entries(after)) {
    total[name] = (total[name] ?? 0) + value - (before[name] ?? 0);
  }
}

/** CPU milliseconds per request, per process. */
export const perRequest = (total: CpuReading, requests: number): CpuReading =>
  Object.fromEntries(
    Object.entries(total).map(([name, ms]) => [name, requests > 0 ? ms / requests : 0]),
  );
