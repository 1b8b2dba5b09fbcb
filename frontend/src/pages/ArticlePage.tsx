import type { ArticlePageData, PageHead } from '../api/types';
import { StreamField } from '../blocks/StreamField';
import { ArticleCardSection } from '../components/ArticleCard';
import { BookingInvite } from '../components/BookingActions';
import { Picture } from '../components/Picture';
import { ShareButtons } from '../components/ShareButtons';
import { formatDate } from '../lib/format';
import { t } from '../i18n/messages';

function parentPath(path: string): string {
  return path.replace(/[^/]+\/$/, '');
}

/** An article: byline with reviewer, dates, reading time, body, references, the booking invitation, filing, related and share. */
export function ArticlePage({ page, head }: { page: ArticlePageData; head: PageHead }) {
  const listPath = parentPath(head.path);
  const related = page.related_articles ?? [];
  return (
    <article class="article">
      <header>
        <h1>{page.title}</h1>
        <p class="lead">{page.summary}</p>
        <p class="byline">
          {page.author && (
            <>
              {t('by')} <a href={page.author.path}>{page.author.display_name}</a>
            </>
          )}
          {page.reviewer && (
            <>
              {page.author ? ' · ' : ''}
              {t('reviewedBy')} <a href={page.reviewer.path}>{page.reviewer.display_name}</a>
            </>
          )}
        </p>
        <p class="meta">
          {t('published')} <time dateTime={page.published_date}>{formatDate(page.published_date)}</time>
          {page.last_reviewed_date && (
            <>
              {' · '}
              {t('lastReviewed')} <time dateTime={page.last_reviewed_date}>{formatDate(page.last_reviewed_date)}</time>
            </>
          )}
          {' · '}
          {t('minutesRead', { count: page.reading_time })}
        </p>
      </header>
      <Picture image={page.hero_image} />
      <StreamField blocks={page.body ?? []} />
      {page.references.length > 0 && (
        <section aria-labelledby="references-heading">
          <h2 id="references-heading">{t('references')}</h2>
          <ol class="references">
            {page.references.map((ref, i) => (
              <li key={i}>
                {ref.url ? (
                  <a href={ref.url} rel="noopener">
                    {ref.title}
                  </a>
                ) : (
                  ref.title
                )}
                {ref.publisher ? `, ${ref.publisher}` : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
      <BookingInvite />
      <footer class="filing">
        {(page.categories ?? []).length > 0 && (
          <p>
            {t('categories')}:{' '}
            {(page.categories ?? []).map((category, i) => (
              <>
                {i > 0 && ', '}
                <a key={category.slug} href={`${listPath}?category=${encodeURIComponent(category.slug)}`}>
                  {category.name}
                </a>
              </>
            ))}
          </p>
        )}
        {(page.tags ?? []).length > 0 && (
          <p>
            {t('tags')}:{' '}
            {(page.tags ?? []).map((tag, i) => (
              <>
                {i > 0 && ', '}
                <a key={tag.slug} href={`${listPath}?tag=${encodeURIComponent(tag.slug)}`}>
                  {tag.name}
                </a>
              </>
            ))}
          </p>
        )}
      </footer>
      <ShareButtons title={page.title} url={head.canonical_url} />
      <ArticleCardSection id="related-heading" title={t('relatedArticles')} articles={related} />
    </article>
  );
}
