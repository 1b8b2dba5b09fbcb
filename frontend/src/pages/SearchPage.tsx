import { useLocation } from 'preact-iso';
import { usePathname } from '../lib/usePathname';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { fetchSearch } from '../api/client';
import type { SearchResults } from '../api/types';
import { usePageChrome } from '../components/chrome';
import { initialDataFor } from '../lib/pageData';
import { t } from '../i18n/messages';

const CRUMBS = (title: string) => [
  { title: t('home'), path: '/' },
  { title, path: '/search/' },
];

/** `/search/?q=`: a search box and the results, with a real URL per query. */
export function SearchPage() {
  const { query, route } = useLocation();
  const path = usePathname();
  const q = (query.q ?? '').trim();
  // Memoised: a new head object on every render would re-declare the chrome forever.
  const head = useMemo(
    () => ({ title: t('search'), description: '', canonical_url: '', path, social_image: null, breadcrumbs: CRUMBS(t('search')) }),
    [path],
  );
  usePageChrome({ title: t('search'), head });
  const initial = initialDataFor(path, typeof location !== 'undefined' ? location.search : '')?.search ?? null;
  const [results, setResults] = useState<SearchResults | null>(initial);
  const [text, setText] = useState(q);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setText(q);
    if (!q) {
      setResults(null);
      return;
    }
    if (initial && initial.query === q) return;
    const controller = new AbortController();
    setFailed(false);
    fetchSearch(q, controller.signal)
      .then(setResults)
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setFailed(true);
      });
    return () => controller.abort();
  }, [q]);

  const submit = (event: Event) => {
    event.preventDefault();
    const value = text.trim();
    route(value ? `/search/?q=${encodeURIComponent(value)}` : '/search/');
  };

  return (
    <>
      <h1>{t('search')}</h1>
      <form role="search" action="/search/" method="get" class="search-form" onSubmit={submit}>
        <label for="search-q">{t('searchLabel')}</label>
        <input id="search-q" type="search" name="q" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit">{t('search')}</button>
      </form>
      {failed && <p role="alert">{t('loadError')}</p>}
      {q && results && (
        <section aria-live="polite">
          <h2>
            {results.count === 0
              ? t('searchNoResults', { query: q })
              : results.count === 1
                ? t('searchResultsOne', { query: q })
                : t('searchResults', { count: results.count, query: q })}
          </h2>
          <ul class="results">
            {results.items.map((hit) => (
              <li key={hit.url}>
                <a href={hit.url}>{hit.title}</a>
                {hit.snippet && <p dangerouslySetInnerHTML={{ __html: hit.snippet }} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
