import { describe, expect, it } from 'vitest';
import { ConfigError, describeRateLimits, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the managed local Neo4j and port 4000 on loopback', () => {
    const config = loadConfig({});
    expect(config.neo4j).toMatchObject({ uri: 'bolt://127.0.0.1:7687', managed: true });
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
  });

  it('uses NEO4J_URI as given and then manages nothing', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_PASSWORD: 's',
    });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j+s://abc.databases.neo4j.io', managed: false });
  });

  it('when PORT is not a port / names the variable and the bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT .*"eighty"/);
  });

  it('splits comma lists of CORS origins and editor tokens', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://a.org, https://b.org',
      EDITOR_TOKENS: 'ana:token-one, token-two',
    });
    expect(config.corsOrigins).toEqual(['https://a.org', 'https://b.org']);
    expect(config.editors).toEqual([
      { name: 'ana', token: 'token-one' },
      { name: 'editor', token: 'token-two' },
    ]);
  });

  it('refuses an editor entry with a bad name, a short token or a token given twice, naming it', () => {
    expect(() => loadConfig({ EDITOR_TOKENS: 'ana:token-one,:token-two' })).toThrow(
      /EDITOR_TOKENS: entry 2 has the name ""/,
    );
    expect(() => loadConfig({ EDITOR_TOKENS: 'ana:short' })).toThrow(
      /EDITOR_TOKENS: entry 1 \(ana\) has a token shorter than 8/,
    );
    expect(() => loadConfig({ EDITOR_TOKENS: 'ana:token-one,bo:token-one' })).toThrow(
      /EDITOR_TOKENS: entry 2 \(bo\) repeats a token/,
    );
  });

  it('budgets each client 600 requests and 1,000,000 cost points a minute unless told otherwise', () => {
    expect(loadConfig({}).rateLimit).toEqual({
      requestsPerMinute: 600,
      costPerMinute: 1_000_000,
      trustProxyHops: 0,
    });
    const config = loadConfig({
      RATE_LIMIT_REQUESTS: '0',
      RATE_LIMIT_COST: '5000',
      TRUST_PROXY_HOPS: '2',
    });
    expect(config.rateLimit).toEqual({
      requestsPerMinute: 0,
      costPerMinute: 5000,
      trustProxyHops: 2,
    });
  });

  it('runs half the pool at once and queues twice that, for at most 2 s, unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.neo4j).toMatchObject({ poolSize: 50, connectTimeoutMs: 1000 });
    expect(config.admission).toEqual({ concurrency: 25, queue: 50, queueWaitMs: 2000 });
    expect(config.retryAfterSeconds).toBe(2);
    const small = loadConfig({ NEO4J_POOL_SIZE: '10', API_QUEUE_WAIT_MS: '0' });
    expect(small.admission).toEqual({ concurrency: 5, queue: 10, queueWaitMs: 0 });
    const told = loadConfig({ API_CONCURRENCY: '3', API_QUEUE: '0', RETRY_AFTER_SECONDS: '5' });
    expect(told.admission).toMatchObject({ concurrency: 3, queue: 0 });
    expect(told.retryAfterSeconds).toBe(5);
  });

  it('when more may run at once than the pool has connections / names the variable', () => {
    expect(() => loadConfig({ NEO4J_POOL_SIZE: '4', API_CONCURRENCY: '8' })).toThrow(
      /API_CONCURRENCY must be a whole number from 1 to 4, got "8"/,
    );
  });

  it('when a budget is not a whole number / names the variable and the bad value', () => {
    expect(() => loadConfig({ RATE_LIMIT_REQUESTS: '-1' })).toThrow(/RATE_LIMIT_REQUESTS .*"-1"/);
    expect(() => loadConfig({ RATE_LIMIT_COST: 'lots' })).toThrow(/RATE_LIMIT_COST .*"lots"/);
    expect(() => loadConfig({ TRUST_PROXY_HOPS: 'yes' })).toThrow(/TRUST_PROXY_HOPS .*"yes"/);
  });

  it('describes the budgets for the start-up log, with the proxy advice where it applies', () => {
    expect(describeRateLimits(loadConfig({}))).toBe(
      'Rate limits: 600 requests and 1000000 cost points per client per minute (told apart by socket address; behind a reverse proxy set TRUST_PROXY_HOPS).',
    );
    expect(describeRateLimits(loadConfig({ RATE_LIMIT_COST: '0', TRUST_PROXY_HOPS: '1' }))).toBe(
      'Rate limits: 600 requests per client per minute (told apart by X-Forwarded-For behind 1 trusted proxy hop(s)).',
    );
    expect(
      describeRateLimits(loadConfig({ RATE_LIMIT_REQUESTS: '0', RATE_LIMIT_COST: '0' })),
    ).toMatch(/^Rate limits: none/);
  });

  it('logs at info, or not at all in tests, unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of .*"loud"/);
  });

  it('serves /metrics unless METRICS=off', () => {
    expect(loadConfig({}).metrics).toBe(true);
    expect(loadConfig({ METRICS: 'off' }).metrics).toBe(false);
    expect(() => loadConfig({ METRICS: 'no' })).toThrow(/METRICS must be on or off, got "no"/);
  });

  it('drains a shutdown for the request deadline and a second more, after SHUTDOWN_NOTICE_MS', () => {
    expect(loadConfig({}).shutdown).toEqual({ noticeMs: 0, drainMs: 11_000 });
    expect(
      loadConfig({ NEO4J_QUERY_TIMEOUT_MS: '2000', SHUTDOWN_NOTICE_MS: '5000' }).shutdown,
    ).toEqual({ noticeMs: 5_000, drainMs: 3_000 });
  });
});
