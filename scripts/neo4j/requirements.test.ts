import { describe, expect, it } from 'vitest';
import { checkJava, javaMajor, MissingRequirementError } from './requirements.ts';

describe('javaMajor', () => {
  it('reads modern and legacy version strings', () => {
    expect(javaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(javaMajor('java version "1.8.0_392"')).toBe(8);
    expect(javaMajor('no version here')).toBeUndefined();
  });
});

describe('checkJava', () => {
  it('when JAVA_HOME names no JDK / says what is missing and how to install it', () => {
    const env = { ...process.env, JAVA_HOME: '/nonexistent/jdk' };
    expect(() => checkJava(env)).toThrow(MissingRequirementError);
    expect(() => checkJava(env)).toThrow(/Java was not found.*apt-get install openjdk-17/);
  });

  it('accepts the Java on this machine (17 or newer)', () => {
    const { JAVA_HOME: _ignored, ...env } = process.env;
    expect(checkJava(env)).toBeGreaterThanOrEqual(17);
  });
});
