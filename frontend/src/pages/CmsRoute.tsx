import { useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { fetchRoute } from '../api/client';
import { Layout } from '../components/Layout';
import { t } from '../i18n/messages';
import { useInlined } from '../lib/payload';
import { useResource } from '../lib/useResource';
import { usePathname } from '../lib/usePathname';
import { NotFoundPage } from './NotFoundPage';
import { PageView } from './PageView';
import { RestrictedNotice } from './RestrictedNotice';

/** Any Wagtail path: the inlined page on the first view, else what the route endpoint says is there. */
export function CmsRoute() {
  const { route } = useLocation();
  const path = usePathname();
  const inlined = useInlined(path);
  const resource = useResource(inlined ? null : `route:${path}`, (signal) => fetchRoute(path, signal));
  const result = inlined ? (inlined.route ?? { kind: 'not-found' as const }) : resource.data;

  useEffect(() => {
    if (result?.kind === 'redirect') {
      const target = result.redirect.location;
      if (target.startsWith('/')) route(target, true);
      else window.location.replace(target);
    }
    if (result?.kind === 'not-found' && !inlined) {
      // Not a public page: the server answers for it (a 404, a password form or a sign-in).
      window.location.replace(path + window.location.search);
    }
  }, [result]);

  if (inlined?.restricted) return <RestrictedNotice page={inlined.restricted} />;
  if (result?.kind === 'page') {
    return (
      <Layout head={result.head} booking={result.booking} pageId={result.page.id}>
        <PageView page={result.page} head={result.head} />
      </Layout>
    );
  }
  if (result?.kind === 'not-found' && inlined) return <NotFoundPage />;
  return (
    <Layout>
      {resource.failed ? (
        <div role="alert">
          <p>{t('loadError')}</p>
          <button type="button" class="button" onClick={resource.retry}>
            {t('retry')}
          </button>
        </div>
      ) : (
        <p class="loading" aria-busy="true">
          {t('loading')}
        </p>
      )}
    </Layout>
  );
}
