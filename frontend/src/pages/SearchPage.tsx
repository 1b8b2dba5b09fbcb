import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { fetchSearch } from '../api/client';
import { Layout } from '../components/Layout';
import { t } from '../i18n/messages';
import { usePayload } from '../lib/payload';
import { useResource } from '../lib/useResource';

/** `/search/?q=`: a search box and the results, with a real URL per query. */
export function SearchPage() {
  const { query, route } = useLocation();
  const payload = usePayload();
  const head = payload.site.app_pages.search;
  const q = (query.q ?? '').trim();
  const inlined = payload.search && payload.search.query === q ? payload.search : null;
  const results = useResource(q ? `search:${q}` : null, (signal) => fetchSearch(q, signal), inlined);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const submit = (event: Event) => {
    event.preventDefault();
    const value = text.trim();
    route(value ? `${head.path}?q=${encodeURIComponent(value)}` : head.path);
  };

  return (
    <Layout head={head}>
      <h1>{head.title}</h1>
      <form role="search" action={head.path} method="get" class="search-form" onSubmit={submit}>
        <label for="search-q">{t('searchLabel')}</label>
        <input id="search-q" type="search" name="q" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit">{t('search')}</button>
      </form>
      {results.failed && <p role="alert">{t('loadError')}</p>}
      {q && results.data && (
        <section aria-live="polite">
          <h2>
            {results.data.count === 0
              ? t('searchNoResults', { query: q })
              : results.data.count === 1
                ? t('searchResultsOne', { query: q })
                : t('searchResults', { count: results.data.count, query: q })}
          </h2>
          {results.data.suggestion && (
            <p>
              {t('didYouMean')}{' '}
              <a href={`${head.path}?q=${encodeURIComponent(results.data.suggestion)}`}>{results.data.suggestion}</a>?
            </p>
          )}
          <ul class="results">
            {results.data.items.map((hit) => (
              <li key={hit.url}>
                <a href={hit.url}>{hit.title}</a>
                {hit.snippet && <p dangerouslySetInnerHTML={{ __html: hit.snippet }} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
