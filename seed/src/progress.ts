// The commands' side of progress: the cores report { phase, done, total } through callbacks and
// know nothing of terminals; this turns those reports into a bar on a terminal, plain lines
// elsewhere (a log, CI, a pipe), and nothing with --json. Everything goes to stderr, so that
// stdout holds only a command's result.
import cliProgress from 'cli-progress';

/** How far an operation is: `done` of `total` in its current phase. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export interface ProgressReporter {
  update(progress: Progress): void;
  /** Ends the last bar; call it before printing anything else. */
  stop(): void;
}

export interface ProgressOptions {
  /** Report nothing (--json). */
  quiet?: boolean;
  /** Where to write. Default: process.stderr. */
  stream?: NodeJS.WriteStream;
  /**
   * Bars rather than lines. Default: when both the stream and stdout are terminals; output
   * that is captured (`> log`, `| tee`) gets lines a log can hold.
   */
  bars?: boolean;
  /** Plain lines: at most one per phase this often, besides each phase's first and last. */
  intervalMs?: number;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** "1 h 02 min", "3 min 05 s", "12 s". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${s} s`;
}

/** Records per second since a phase began, and the time left at that rate. */
export interface Pace {
  perSecond: number;
  etaSeconds: number;
}

export function paceOf(progress: Progress, elapsedMs: number): Pace | undefined {
  if (elapsedMs < 1000 || progress.done === 0) return undefined;
  const perSecond = progress.done / (elapsedMs / 1000);
  return { perSecond, etaSeconds: (progress.total - progress.done) / perSecond };
}

const paceText = (pace: Pace | undefined) =>
  pace ? `${count(Math.round(pace.perSecond))}/s, ${duration(pace.etaSeconds)} left` : '';

/**
 * A progress line for logs: "writing relationships: 150,000/300,000 (50 %)", with the rate and
 * the time left once there is a pace: ", 12,500/s, 12 s left".
 */
export function progressLine({ phase, done, total }: Progress, pace?: Pace): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const line = `${phase}: ${count(done)}/${count(total)} (${percent} %)`;
  return pace && done < total ? `${line}, ${paceText(pace)}` : line;
}

export function createProgressReporter(options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update: () => {}, stop: () => {} };
  const bars = options.bars ?? (stream.isTTY === true && process.stdout.isTTY === true);
  if (!bars) {
    const intervalMs = options.intervalMs ?? 2000;
    let phase = '';
    let last = 0;
    let began = 0;
    return {
      update(progress) {
        const now = Date.now();
        const first = progress.phase !== phase;
        if (first) began = now;
        if (!first && progress.done < progress.total && now - last < intervalMs) return;
        if (!first && progress.done === progress.total && last === -1) return;
        phase = progress.phase;
        last = progress.done === progress.total ? -1 : now;
        stream.write(`${progressLine(progress, paceOf(progress, now - began))}\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: ' {phase} [{bar}] {value}/{total} {pace}',
      stream,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  let began = 0;
  return {
    update(progress) {
      const now = Date.now();
      if (progress.phase !== phase) began = now;
      const payload = {
        phase: progress.phase.padEnd(22),
        pace: paceText(paceOf(progress, now - began)),
      };
      if (progress.phase !== phase) {
        if (phase) bar.stop();
        phase = progress.phase;
        bar.start(progress.total, progress.done, payload);
      } else bar.update(progress.done, payload);
    },
    stop() {
      if (phase) bar.stop();
      phase = '';
    },
  };
}
