import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseOptions, UsageError } from '../../seed/src/cli-options.ts';
import { defaultDumpFile, dumpNeo4j, restoreNeo4j } from './backup.ts';
import { layout } from './config-file.ts';
import { MissingRequirementError } from './requirements.ts';
import { runningPid, startNeo4j, stopNeo4j } from './server.ts';
import { boltUri, neo4jSettings, type Profile } from './settings.ts';

const USAGE = `Usage: npm run db:<start|stop|status|logs|dump|restore> [-- options]

Manages the local Neo4j Community the project resolves from Maven Central.
  start    resolve (once), configure and start Neo4j; wait until Bolt answers
  stop     stop it cleanly
  status   say whether it runs, where, and with which data directory (exit 3 when it does not)
  logs     print the last lines of its log (--follow to keep reading)
  dump     write the database to a file with neo4j-admin (a running Neo4j is stopped for it
           and started again)
  restore FILE
           replace the database with a dump (the file is checked first; a running Neo4j is
           stopped for it and started again)

Options:
  --profile P        dev | test | bench (default: dev)
  -f, --follow       logs: keep printing new lines (default: off)
  -n, --lines N      logs: how many lines to print (default: 100)
  --json             status: print it as one JSON document (default: off)
  --out FILE         dump: where to write it (default: .data/backups/<profile>-<UTC time>.dump)
  -h, --help         this text

Examples:
  npm run db:start
  npm run db:status -- --profile test
  npm run db:status -- --json
  npm run db:logs -- --follow --lines 20
  npm run db:dump -- --out before-import.dump
  npm run db:restore -- before-import.dump`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: 'string', default: 'dev' },
      follow: { type: 'boolean', short: 'f', default: false },
      lines: { type: 'string', short: 'n', default: '100' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  if (!['dev', 'test', 'bench'].includes(values.profile ?? '')) {
    console.error(`--profile must be dev, test or bench, got "${values.profile}"`);
    return 1;
  }
  if (process.env.NEO4J_URI && command !== 'logs') {
    if (values.json && command === 'status') {
      console.log(JSON.stringify({ managed: false, uri: process.env.NEO4J_URI }));
      return 0;
    }
    if (command === 'dump' || command === 'restore') {
      console.error(
        `NEO4J_URI is set (${process.env.NEO4J_URI}): that Neo4j is not managed here; back it up with its own tools (Aura snapshots, neo4j-admin on its server).`,
      );
      return 1;
    }
    console.log(
      `NEO4J_URI is set (${process.env.NEO4J_URI}): that Neo4j is used, nothing to manage.`,
    );
    return 0;
  }
  const settings = neo4jSettings(values.profile as Profile);
  const log = (line: string) => console.log(line);
  switch (command) {
    case 'start': {
      const result = await startNeo4j(settings, log);
      if (!result.started)
        log(`Neo4j (${settings.profile}) is already running (pid ${result.pid}).`);
      log(`Bolt: ${result.uri}   Browser: http://127.0.0.1:${settings.httpPort}/`);
      return 0;
    }
    case 'stop':
      if (!(await stopNeo4j(settings, log))) log(`Neo4j (${settings.profile}) is not running.`);
      return 0;
    case 'status': {
      const pid = runningPid(settings);
      if (values.json) {
        console.log(
          JSON.stringify({
            managed: true,
            profile: settings.profile,
            version: settings.version,
            running: pid !== undefined,
            pid: pid ?? null,
            uri: boltUri(settings),
            httpPort: settings.httpPort,
            data: layout(settings).data,
          }),
        );
        return pid === undefined ? 3 : 0;
      }
      log(
        pid === undefined
          ? `Neo4j (${settings.profile}) is not running.`
          : `Neo4j ${settings.version} (${settings.profile}) is running, pid ${pid}, ${boltUri(settings)}`,
      );
      log(`Data: ${layout(settings).data}`);
      return pid === undefined ? 3 : 0;
    }
    case 'logs': {
      const file = join(layout(settings).logs, 'neo4j.log');
      if (!existsSync(file)) {
        log(`No log yet at ${file}.`);
        return 0;
      }
      const args = ['-n', values.lines ?? '100', ...(values.follow ? ['-F'] : []), file];
      const tail = spawn('tail', args, { stdio: 'inherit' });
      return new Promise((resolve) => tail.on('exit', (code) => resolve(code ?? 0)));
    }
    case 'dump': {
      const file = resolve(values.out ?? defaultDumpFile(settings));
      const bytes = await dumpNeo4j(settings, file, log);
      log(`Dumped to ${file} (${(bytes / 2 ** 20).toFixed(1)} MiB).`);
      return 0;
    }
    case 'restore': {
      const file = positionals[1];
      if (!file) {
        console.error('restore needs the dump to load: npm run db:restore -- FILE');
        return 1;
      }
      await restoreNeo4j(settings, resolve(file), log);
      log(`Restored from ${resolve(file)}.`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      error instanceof MissingRequirementError || error instanceof UsageError
        ? message
        : `Error: ${message}`,
    );
    process.exitCode = 1;
  },
);
