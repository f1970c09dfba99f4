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

/** A progress line for logs: "writing relationships: 150,000/300,000 (50 %)". */
export function progressLine({ phase, done, total }: Progress): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  return `${phase}: ${count(done)}/${count(total)} (${percent} %)`;
}

export function createProgressReporter(options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update: () => {}, stop: () => {} };
  const bars = options.bars ?? (stream.isTTY === true && process.stdout.isTTY === true);
  if (!bars) {
    const intervalMs = options.intervalMs ?? 2000;
    let phase = '';
    let last = 0;
    return {
      update(progress) {
        const now = Date.now();
        const first = progress.phase !== phase;
        if (!first && progress.done < progress.total && now - last < intervalMs) return;
        if (!first && progress.done === progress.total && last === -1) return;
        phase = progress.phase;
        last = progress.done === progress.total ? -1 : now;
        stream.write(`${progressLine(progress)}\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: ' {phase} [{bar}] {value}/{total}',
      stream,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  return {
    update(progress) {
      const payload = { phase: progress.phase.padEnd(22) };
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
