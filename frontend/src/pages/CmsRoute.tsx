import { useLocation } from 'preact-iso';
import { usePathname } from '../lib/usePathname';
import { useEffect, useState } from 'preact/hooks';
import { fetchRoute, type RouteResult } from '../api/client';
import { initialDataFor } from '../lib/pageData';
import { t } from '../i18n/messages';
import { NotFoundPage } from './NotFoundPage';
import { PageView } from './PageView';

type State = { path: string; result: RouteResult } | { path: string; error: true } | null;

function initialState(path: string): State {
  const data = initialDataFor(path);
  if (!data) return null;
  if (data.route) return { path, result: data.route };
  if (data.status === 404) return { path, result: { kind: 'not-found' } };
  return null;
}

/** Any Wagtail path: asks the route endpoint what is there (the first view uses the inlined JSON). */
export function CmsRoute() {
  const { route } = useLocation();
  const path = usePathname();
  const [state, setState] = useState<State>(() => initialState(path));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (state && state.path === path && attempt === 0) return;
    const inlined = attempt === 0 ? initialState(path) : null;
    if (inlined) {
      // Back to the document's own page: its inlined JSON is still good.
      setState(inlined);
      return;
    }
    const controller = new AbortController();
    fetchRoute(path, controller.signal)
      .then((result) => {
        if (result.kind === 'redirect') {
          const target = result.redirect.location;
          if (target.startsWith('/')) route(target, true);
          else window.location.replace(target);
          return;
        }
        setState({ path, result });
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState({ path, error: true });
      });
    return () => controller.abort();
  }, [path, attempt]);

  if (!state || state.path !== path) {
    return (
      <p class="loading" aria-busy="true">
        {t('loading')}
      </p>
    );
  }
  if ('error' in state) {
    return (
      <div role="alert">
        <p>{t('loadError')}</p>
        <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (state.result.kind === 'page') return <PageView page={state.result.page} />;
  return <NotFoundPage />;
}
