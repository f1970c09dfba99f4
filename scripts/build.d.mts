// Types for build.mjs, which stays plain JavaScript for bootstrap.mjs.
export const ROOT: string;
export const DIST: string;
export function compiled(source: string): string;
export function compiledCurrent(): boolean;
export function compileServer(log?: (line: string) => void): void;
export function compileIfStale(log?: (line: string) => void): void;
