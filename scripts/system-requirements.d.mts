// Types for system-requirements.mjs, which stays plain JavaScript for bootstrap.mjs.
export type Requirement = 'chromium' | 'java' | 'maven';
export type Plan =
  | { action: 'none' }
  | { action: 'install'; commands: string[][]; message: string }
  | { action: 'stop'; message: string };
export interface Probe {
  chromium(): boolean;
  javaMajor(): number | undefined;
  maven(): boolean;
  aptGet(): boolean;
}
export const DEBIAN_PACKAGES: Record<Requirement, string>;
export function javaMajor(versionOutput: string): number | undefined;
export function chromiumPath(env: NodeJS.ProcessEnv): string;
export function javaExecutable(env?: NodeJS.ProcessEnv): string;
export function requirementsOf(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Requirement[];
export function missingRequirements(
  needed: Requirement[],
  probe: Omit<Probe, 'aptGet'>,
): Requirement[];
export function planRequirements(
  missing: Requirement[],
  options: { root: boolean; aptGet: boolean; command: string },
): Plan;
export function systemProbe(env: NodeJS.ProcessEnv): Probe;
export function ensureRequirements(
  command: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): number;
