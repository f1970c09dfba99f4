import {
  type Dispatch,
  type SetStateAction,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { isAbort } from './client.ts';

/** What a panel shows while its data is on its way, when it failed, and once it is there. */
export type Fetched<T extends object> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | ({ status: 'done' } & T);

export interface FetchedState<T extends object> {
  fetched: Fetched<T>;
  /** For changes after the fetch, such as a further page. */
  setFetched: Dispatch<SetStateAction<Fetched<T>>>;
  /** Fetches the same key again. */
  retry(): void;
}

/**
 * What `load` gives for `key`, fetched again when the key changes or on `retry`. A fetch still
 * on its way when the key changes is aborted, so an earlier answer never replaces a later one.
 * No key, no fetch.
 */
export function useFetched<T extends object>(
  key: string | null | undefined,
  load: (key: string, signal: AbortSignal) => Promise<T>,
): FetchedState<T> {
  const [fetched, setFetched] = useState<Fetched<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The latest `load`, without making every render's new function a reason to fetch again.
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    void attempt; // retry() fetches the same key again
    if (!key) return;
    const controller = new AbortController();
    setFetched({ status: 'loading' });
    loadRef.current(key, controller.signal).then(
      (value) => setFetched({ status: 'done', ...value }),
      (error: unknown) => {
        if (!isAbort(error)) setFetched({ status: 'error', message: String(error) });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { fetched, setFetched, retry };
}
