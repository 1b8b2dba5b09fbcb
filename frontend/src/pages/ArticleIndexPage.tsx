import { useLocation } from 'preact-iso';
import { fetchArticles } from '../api/client';
import type { ArticleIndexPageData, PageHead } from '../api/types';
import { ArticleCard } from '../components/ArticleCard';
import { t } from '../i18n/messages';
import { useInlined } from '../lib/payload';
import { useResource } from '../lib/useResource';

export const ARTICLES_PER_PAGE = 12;

/** The list's URL for a page number with the current filters: real, shareable URLs (the server normalises the same way). */
export function listUrl(path: string, filters: { category?: string; tag?: string }, pageNumber: number): string {
  const pairs: [string, string][] = [
    ['category', filters.category ?? ''],
    ['tag', filters.tag ?? ''],
    ['page', pageNumber > 1 ? String(pageNumber) : ''],
  ];
  const text = pairs
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return text ? `${path}?${text}` : path;
}

/** The articles list, filtered by category or tag, in pages of twelve. */
export function ArticleIndexPage({ page, head }: { page: ArticleIndexPageData; head: PageHead }) {
  const { query } = useLocation();
  const path = head.path;
  const category = query.category ?? '';
  const tag = query.tag ?? '';
  const pageNumber = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
  const ownQuery = listUrl('', { category, tag }, pageNumber);
  const inlined = useInlined(path, ownQuery)?.articles;
  const { data: listing, failed } = useResource(
    `articles:${path}${ownQuery}`,
    (signal) =>
      fetchArticles({ category, tag, limit: ARTICLES_PER_PAGE, offset: (pageNumber - 1) * ARTICLES_PER_PAGE }, signal),
    inlined,
  );
  const filter = category ? (page.categories?.find((item) => item.slug === category)?.name ?? category) : tag;
  const pages = listing ? Math.max(1, Math.ceil(listing.count / ARTICLES_PER_PAGE)) : 1;
  return (
    <>
      <h1>{page.title}</h1>
      {page.introduction && <p class="lead">{page.introduction}</p>}
      {(category || tag) && (
        <p>
          {t('filteredBy')} <strong>{filter}</strong> · <a href={path}>{t('showAll')}</a>
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
