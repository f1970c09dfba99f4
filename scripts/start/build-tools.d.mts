// Types for build-tools.mjs, which stays plain JavaScript for scripts/build.mjs.
export function newestMtime(path: string): number;
export function buildWeb(root: string, dist: string, mode: 'production' | 'test'): void;
