import type { HomePageData } from '../api/types';
import { ArticleCard } from '../components/ArticleCard';
import { Picture } from '../components/Picture';
import { t } from '../i18n/messages';

/** The site root: hero, introduction, featured doctors and articles. */
export function HomePage({ page }: { page: HomePageData }) {
  const doctors = page.featured_doctors ?? [];
  const articles = page.featured_articles ?? [];
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
      {articles.length > 0 && (
        <section aria-labelledby="articles-heading">
          <h2 id="articles-heading">{t('featuredArticles')}</h2>
          <div class="cards">
            {articles.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}
