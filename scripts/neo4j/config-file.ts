import type { Neo4jSettings } from './settings.ts';

export interface Neo4jLayout {
  conf: string;
  data: string;
  logs: string;
  run: string;
  pidFile: string;
  consoleLog: string;
}

export function layout(settings: Neo4jSettings): Neo4jLayout {
  const { home } = settings;
  return {
    conf: `${home}/conf`,
    data: `${home}/data`,
    logs: `${home}/logs`,
    run: `${home}/run`,
    pidFile: `${home}/run/neo4j.pid`,
    consoleLog: `${home}/logs/console.log`,
  };
}

/** neo4j.conf for one profile: loopback only, our ports and directories, memory sized for the box. */
export function neo4jConf(settings: Neo4jSettings): string {
  const dirs = layout(settings);
  return [
    '# Written by scripts/neo4j on every start; edit scripts/neo4j/config-file.ts instead.',
    `server.directories.data=${dirs.data}`,
    `server.directories.logs=${dirs.logs}`,
    `server.directories.run=${dirs.run}`,
    `server.directories.import=${settings.home}/import`,
    `server.directories.plugins=${settings.home}/plugins`,
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${settings.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${settings.boltPort}`,
    `server.http.listen_address=127.0.0.1:${settings.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${settings.httpPort}`,
    'server.https.enabled=false',
    'server.bolt.tls_level=DISABLED',
    `server.memory.heap.initial_size=${settings.heap}`,
    `server.memory.heap.max_size=${settings.heap}`,
    `server.memory.pagecache.size=${settings.pageCache}`,
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    'db.tx_log.rotation.retention_policy=1 days',
    'db.transaction.timeout=0s',
    // Check transaction timeouts ten times a second (default: every 2 s), so the API's
    // per-query limit holds closely.
    'db.transaction.monitor.check.interval=100ms',
    '',
  ].join('\n');
}

/** The JVM flags the official launcher passes, less those for tuning production hardware. */
export function jvmArgs(settings: Neo4jSettings): string[] {
  return [
    `-Xms${settings.heap}`,
    `-Xmx${settings.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dfile.encoding=UTF-8',
  ];
}
