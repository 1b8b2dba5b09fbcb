import type { ArticleCard as ArticleCardData, ArticleSummary } from '../api/types';
import { formatDate } from '../lib/format';
import { t } from '../i18n/messages';
import { Picture } from './Picture';

type CardData = ArticleCardData | ArticleSummary;

/** An article in a list: image, linked title, summary, date and reading time. */
export function ArticleCard({ article, headingLevel = 3 }: { article: CardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const readingTime = 'reading_time' in article ? article.reading_time : null;
  return (
    <article class="card">
      <Picture image={article.hero_image} sizes="(min-width: 40rem) 18rem, 100vw" alt="" lazy />
      <Heading>
        <a href={article.path}>{article.title}</a>
      </Heading>
      <p>{article.summary}</p>
      <p class="meta">
        <time dateTime={article.published_date}>{formatDate(article.published_date)}</time>
        {readingTime ? ` · ${t('minutesRead', { count: readingTime })}` : null}
      </p>
    </article>
  );
}

/** A titled section of article cards (featured, latest, related); nothing when there are none. */
export function ArticleCardSection({ id, title, articles }: { id: string; title: string; articles: CardData[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div class="cards">
        {articles.map((article) => (
          <ArticleCard key={article.id} article={article} />
        ))}
      </div>
    </section>
  );
}
