// The "Under load and faults" section: what the clients met, and each goal's verdict.

import { countBy, type Drive, OUTCOMES, percentile, UNANSWERED_AFTER_S } from './load-drive.ts';

export interface Soak {
  drove: Drive;
  /** The server's resident memory at the start and end of the soak, and every 5 s of it. */
  start: number;
  end: number;
  samples: number[];
}

export interface Fault {
  kind: 'stop' | 'kill';
  drove: Drive;
  /** Milliseconds since the load began: the stop or kill was sent, it was done, the start was sent, Neo4j was up again. */
  downAt: number;
  goneAt: number;
  startAt: number;
  backAt: number;
  /** When the database first answered a query on a connection of its own (NaN: not within 60 s). */
  databaseAt: number;
  /** When the first SERVICE_UNAVAILABLE and the first success after the restart arrived (NaN: none). */
  firstUnavailable: number;
  firstSuccess: number;
}

export interface LoadRun {
  machine: string;
  connections: number;
  seconds: number;
  documents: number;
  memoryAtStart: number;
  loaded: Drive;
  soak: Soak;
  faults: Fault[];
  downSeconds: number;
}

/** The issue's goals, each in one place. */
export const GOALS = {
  answeredP99Ms: 2000,
  shedMs: 100,
  unavailableWithinMs: 1000,
  recoveryMs: 5000,
  memoryGrowth: 0.1,
};

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const s = (ms: number) => (Number.isNaN(ms) ? 'never' : `${(ms / 1000).toFixed(1)} s`);
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

function trafficRow(name: string, drove: Drive): string {
  const counts = countBy(drove.answers);
  const answered = drove.answers.filter((a) => a.outcome === 'answered').map((a) => a.ms);
  const shed = drove.answers.filter((a) => a.outcome === 'OVERLOADED').map((a) => a.ms);
  return `| ${name} | ${drove.seconds.toFixed(0)} | ${(counts.answered / drove.seconds).toFixed(1)} | ${percentile(answered, 0.5).toFixed(0)} | ${percentile(answered, 0.99).toFixed(0)} | ${shed.length ? percentile(shed, 0.99).toFixed(0) : '–'} | ${OUTCOMES.map((o) => counts[o]).join(' | ')} | ${drove.unanswered} | ${drove.errors} |`;
}

function underLoad(drove: Drive) {
  const counts = countBy(drove.answers);
  const answered = drove.answers.filter((a) => a.outcome === 'answered').map((a) => a.ms);
  const shed = drove.answers.filter((a) => a.outcome === 'OVERLOADED').map((a) => a.ms);
  return {
    unexpected: drove.unanswered + drove.errors + counts.other + counts.SERVICE_UNAVAILABLE,
    p99: percentile(answered, 0.99),
    shedP99: shed.length ? percentile(shed, 0.99) : 0,
  };
}

export function loadReport(run: LoadRun): string {
  const load = underLoad(run.loaded);
  const soak = underLoad(run.soak.drove);
  const growth = run.soak.end / run.soak.start - 1;
  const faultRows = run.faults.map((f) => {
    const unavailableAfterGone = Math.max(0, f.firstUnavailable - f.goneAt);
    const recovery = f.firstSuccess - f.backAt;
    const fromAnswering = f.firstSuccess - f.databaseAt;
    return {
      f,
      unavailableAfterGone,
      recovery,
      row: `| ${f.kind === 'stop' ? '`db:stop` (clean)' : '`kill -9`'} | ${s(f.goneAt - f.downAt)} | ${s(f.firstUnavailable - f.downAt)} | ${s(f.backAt - f.startAt)} | ${s(f.databaseAt - f.backAt)} | ${s(recovery)} | ${s(fromAnswering)} | ${f.drove.unanswered} | ${countBy(f.drove.answers).other + f.drove.errors} |`,
    };
  });
  const lines = [
    '## Under load and faults',
    '',
    `\`npm run bench:load -- --connections ${run.connections} --seconds ${run.seconds} --soak ${run.soak.drove.seconds.toFixed(0)}\`, on ${run.machine}. The curated datasets in the emptied bench Neo4j; the API in a process of its own as in production, with rate limits off so that each of ${run.connections} autocannon clients on 127.0.0.1 stands for one person; the requests are the explorer's own documents (search, expand, a shared view, entity and relationship details with evidence, paths), ${run.documents} of them in turn. A request unanswered after ${UNANSWERED_AFTER_S} s counts as unanswered. Latencies are of answers of that outcome, in ms.`,
    '',
    '| phase | s | answered/s | answered p50 | answered p99 | OVERLOADED p99 | answered | OVERLOADED | TIMEOUT | SERVICE_UNAVAILABLE | other | unanswered | socket errors |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    trafficRow('load', run.loaded),
    trafficRow('soak', run.soak.drove),
    ...run.faults.map((f) =>
      trafficRow(`Neo4j ${f.kind === 'stop' ? 'stopped' : 'killed'}`, f.drove),
    ),
    '',
    `Server memory (resident): ${mib(run.memoryAtStart)} when it started, ${mib(run.soak.start)} after the first ${run.seconds} s of load, ${mib(run.soak.end)} at the end of the soak (highest ${mib(Math.max(...run.soak.samples))}).`,
    '',
    `Neo4j away for ${run.downSeconds} s under the same load, then started again; times from the stop or kill, and from Neo4j being up again (the manager's start returning):`,
    '',
    '| fault | stop took | first SERVICE_UNAVAILABLE | start took | database answers after up | first success after up | first success after the database answers | unanswered | other |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...faultRows.map((r) => r.row),
    '',
    '| goal | measured | verdict |',
    '| --- | --- | --- |',
    `| 0 unanswered after ${UNANSWERED_AFTER_S} s, 0 outcomes but answered / OVERLOADED / TIMEOUT under load | ${load.unexpected} in the load, ${soak.unexpected} in the soak | ${met(load.unexpected === 0 && soak.unexpected === 0)} |`,
    `| answered p99 ≤ ${GOALS.answeredP99Ms} ms | ${load.p99.toFixed(0)} ms load, ${soak.p99.toFixed(0)} ms soak | ${met(load.p99 <= GOALS.answeredP99Ms && soak.p99 <= GOALS.answeredP99Ms)} |`,
    `| shed requests answered ≤ ${GOALS.shedMs} ms (p99) | ${load.shedP99.toFixed(0)} ms load, ${soak.shedP99.toFixed(0)} ms soak | ${met(load.shedP99 <= GOALS.shedMs && soak.shedP99 <= GOALS.shedMs)} |`,
    ...faultRows.map(
      (r) =>
        `| ${r.f.kind}: SERVICE_UNAVAILABLE ≤ ${GOALS.unavailableWithinMs / 1000} s after Neo4j is gone | ${s(r.unavailableAfterGone)} | ${met(!Number.isNaN(r.f.firstUnavailable) && r.unavailableAfterGone <= GOALS.unavailableWithinMs)} |`,
    ),
    ...faultRows.map(
      (r) =>
        `| ${r.f.kind}: first success ≤ ${GOALS.recoveryMs / 1000} s after Neo4j is up | ${s(r.recovery)} | ${met(r.recovery <= GOALS.recoveryMs)} |`,
    ),
    `| memory growth over the soak ≤ ${GOALS.memoryGrowth * 100} % after warm-up | ${(growth * 100).toFixed(1)} % | ${met(growth <= GOALS.memoryGrowth)} |`,
  ];
  const strange = [run.loaded, run.soak.drove, ...run.faults.map((f) => f.drove)].flatMap(
    (d) => d.strange,
  );
  if (strange.length > 0) {
    lines.push('', 'Answers sorted as "other" (the first few):', '');
    for (const text of strange.slice(0, 5)) lines.push(`- \`${text.replaceAll('`', "'")}\``);
  }
  return lines.join('\n');
}
