import { useLocation } from 'preact-iso';
import { usePathname } from '../lib/usePathname';
import { useEffect, useState } from 'preact/hooks';
import { fetchArticles } from '../api/client';
import type { ArticleCardPage, ArticleIndexPageData } from '../api/types';
import { ArticleCard } from '../components/ArticleCard';
import { usePageChrome } from '../components/chrome';
import { initialDataFor } from '../lib/pageData';
import { t } from '../i18n/messages';

export const ARTICLES_PER_PAGE = 12;

/** The list's URL for a page number with the current filters: real, shareable URLs. */
export function listUrl(path: string, filters: { category?: string; tag?: string }, pageNumber: number): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.tag) params.set('tag', filters.tag);
  if (pageNumber > 1) params.set('page', String(pageNumber));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The articles list, filtered by category or tag, in pages of twelve. */
export function ArticleIndexPage({ page }: { page: ArticleIndexPageData }) {
  usePageChrome({ title: page.title, head: page.head, pageId: page.id });
  const { query } = useLocation();
  const path = usePathname();
  const category = query.category ?? '';
  const tag = query.tag ?? '';
  const pageNumber = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
  const initial = initialDataFor(path, typeof location !== 'undefined' ? location.search : '')?.articles ?? null;
  const [listing, setListing] = useState<ArticleCardPage | null>(initial);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (initial) {
      setListing(initial);
      return;
    }
    const controller = new AbortController();
    setFailed(false);
    fetchArticles(
      { category, tag, limit: ARTICLES_PER_PAGE, offset: (pageNumber - 1) * ARTICLES_PER_PAGE },
      controller.signal,
    )
      .then(setListing)
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setFailed(true);
      });
    return () => controller.abort();
  }, [category, tag, pageNumber]);

  const pages = listing ? Math.max(1, Math.ceil(listing.count / ARTICLES_PER_PAGE)) : 1;
  return (
    <>
      <h1>{page.title}</h1>
      {page.introduction && <p class="lead">{page.introduction}</p>}
      {(category || tag) && (
        <p>
          {t('filteredBy')} <strong>{category || tag}</strong> · <a href={path}>{t('showAll')}</a>
        </p>
      )}
      {failed && <p role="alert">{t('loadError')}</p>}
      {!listing && !failed && <p aria-busy="true">{t('loading')}</p>}
      {listing && (
        <div class="cards">
          {listing.items.length === 0 && <p>{t('noArticles')}</p>}
          {listing.items.map((article) => (
            <ArticleCard key={article.id} article={article} headingLevel={2} />
          ))}
        </div>
      )}
      {listing && pages > 1 && (
        <nav class="pagination" aria-label={t('pages')}>
          {pageNumber > 1 && (
            <a rel="prev" href={listUrl(path, { category, tag }, pageNumber - 1)}>
              {t('previousPage')}
            </a>
          )}
          <span>{t('pageOf', { page: pageNumber, pages })}</span>
          {pageNumber < pages && (
            <a rel="next" href={listUrl(path, { category, tag }, pageNumber + 1)}>
              {t('nextPage')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
