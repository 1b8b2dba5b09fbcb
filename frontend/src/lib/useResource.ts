// One data hook for everything the app reads from the API after the first
// view: the inlined value while it still applies, else a fetch per key.
import { useEffect, useState } from 'preact/hooks';

export interface Resource<T> {
  data: T | null;
  failed: boolean;
  /** What the failed load threw (e.g. an `ApiError` with the answer's status). */
  error: unknown;
  retry: () => void;
}

type State<T> = { key: string; data: T | null; failed: boolean; error?: unknown };

/**
 * The value for `key`: `inlined` when given (the document's own data, so the
 * first render matches the server's HTML), else loaded by `load`. A `null` key
 * loads nothing.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, inlined?: T | null): Resource<T> {
  const [state, setState] = useState<State<T>>(() => ({ key: key ?? '', data: inlined ?? null, failed: false }));
  const [attempt, setAttempt] = useState(0);
  const current = state.key === (key ?? '') ? state : { key: key ?? '', data: inlined ?? null, failed: false };

  useEffect(() => {
    if (key === null) return;
    if (inlined) {
      setState({ key, data: inlined, failed: false });
      return;
    }
    const controller = new AbortController();
    setState({ key, data: null, failed: false });
    load(controller.signal)
      .then((data) => setState({ key, data, failed: false }))
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState({ key, data: null, failed: true, error });
      });
    return () => controller.abort();
  }, [key, attempt]);

  return { data: current.data, failed: current.failed, error: current.error, retry: () => setAttempt((n) => n + 1) };
}
