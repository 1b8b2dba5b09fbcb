import { fetchArticles } from '../api/client';
import type { HomePageData, PageHead } from '../api/types';
import { ArticleCardSection } from '../components/ArticleCard';
import { Picture } from '../components/Picture';
import { t } from '../i18n/messages';
import { useInlined } from '../lib/payload';
import { useResource } from '../lib/useResource';

/** How many of the newest articles the home page asks for (the server's payload holds the same page). */
export const HOME_LATEST_ARTICLES = 6;

/** The site root: hero, introduction, featured doctors, the articles staff picked, then the newest others. */
export function HomePage({ page, head }: { page: HomePageData; head: PageHead }) {
  const doctors = page.featured_doctors ?? [];
  const articles = page.featured_articles ?? [];
  const inlined = useInlined(head.path)?.articles;
  const newest = useResource('home-latest-articles', (signal) => fetchArticles({ limit: HOME_LATEST_ARTICLES }, signal), inlined);
  const picked = new Set(articles.map((article) => article.id));
  const latest = (newest.data?.items ?? []).filter((article) => !picked.has(article.id));
  return (
    <>
      <section class="hero">
        <h1>{page.hero_heading}</h1>
        {page.hero_text && <p class="lead">{page.hero_text}</p>}
        <Picture image={page.hero_image} sizes="(min-width: 60rem) 56rem, 100vw" />
      </section>
      {page.introduction && <div class="rich-text" dangerouslySetInnerHTML={{ __html: page.introduction }} />}
      {doctors.length > 0 && (
        <section aria-labelledby="doctors-heading">
          <h2 id="doctors-heading">{t('ourDoctors')}</h2>
          <ul class="cards">
            {doctors.map((doctor) => (
              <li class="card" key={doctor.id}>
                <Picture image={doctor.photo} sizes="8rem" alt="" lazy />
                <h3>
                  <a href={doctor.path}>{doctor.display_name}</a>
                </h3>
                {doctor.job_title && <p>{doctor.job_title}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ArticleCardSection id="articles-heading" title={t('featuredArticles')} articles={articles} />
      <ArticleCardSection id="latest-heading" title={t('latestArticles')} articles={latest} />
    </>
  );
}
