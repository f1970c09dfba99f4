import { describe, expect, it } from 'vitest';
import { budgetKey } from './use-rate-limits.ts';

describe('budgetKey', () => {
  it('gives an IPv4 address, plain or mapped into IPv6, a budget of its own', () => {
    expect(budgetKey('203.0.113.9')).toBe('203.0.113.9');
    expect(budgetKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(budgetKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('counts IPv6 addresses by their /64, however they are written', () => {
    const key = '2001:db8:85a3:1::/64';
    expect(budgetKey('2001:db8:85a3:1:8a2e:370:7334:1')).toBe(key);
    expect(budgetKey('2001:0db8:85a3:0001:ffff::2')).toBe(key);
    expect(budgetKey('2001:DB8:85A3:1::')).toBe(key);
    expect(budgetKey('2001:db8:85a3:2::1')).not.toBe(key);
  });

  it('fills the groups a double colon leaves out, and drops a zone index', () => {
    expect(budgetKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(budgetKey('::1')).toBe('0:0:0:0::/64');
    expect(budgetKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
