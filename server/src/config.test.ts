import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

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
      EDITOR_TOKENS: 't1,t2',
    });
    expect(config.corsOrigins).toEqual(['https://a.org', 'https://b.org']);
    expect(config.editorTokens).toEqual(['t1', 't2']);
  });
});
