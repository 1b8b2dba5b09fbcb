import { fetchArticles } from '../api/client';
import type { DoctorPageData, PageHead } from '../api/types';
import { ArticleCard } from '../components/ArticleCard';
import { BookingActions } from '../components/BookingActions';
import { Picture } from '../components/Picture';
import { formatTime } from '../lib/format';
import { t } from '../i18n/messages';
import { useInlined, usePayload } from '../lib/payload';
import { useResource } from '../lib/useResource';

/** How many of a doctor's articles the profile lists (the server's payload holds the same page). */
export const DOCTOR_ARTICLES = 12;

function TextList({ heading, items }: { heading: string; items: { text: string }[] }) {
  if (!items.length) return null;
  return (
    <section>
      <h2>{heading}</h2>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item.text}</li>
        ))}
      </ul>
    </section>
  );
}

/** A doctor's profile: the booking actions at the top, everything the model holds, the clinics and the doctor's articles. */
export function DoctorPage({ page, head }: { page: DoctorPageData; head: PageHead }) {
  const { site } = usePayload();
  const inlined = useInlined(head.path)?.articles;
  const listing = useResource(
    `doctor-articles:${page.id}`,
    (signal) => fetchArticles({ doctor: page.id, limit: DOCTOR_ARTICLES }, signal),
    inlined,
  );
  const articles = listing.data?.items ?? [];
  const clinics = page.clinics ?? [];
  const name = page.display_name || page.title;
  return (
    <article class="doctor">
      <header class="doctor-header">
        <Picture image={page.photo} sizes="12rem" />
        <div>
          <h1>{name}</h1>
          {page.job_title && <p class="lead">{page.job_title}</p>}
          {page.summary && <p>{page.summary}</p>}
          {page.registration_number && (
            <p class="registration">
              {t('registration')}: {page.registration_number}, {page.registration_council}
            </p>
          )}
          {page.years_of_practice ? <p>{t('yearsOfPractice', { count: page.years_of_practice })}</p> : null}
          <p class="booking-actions">
            <BookingActions withNumber />
          </p>
        </div>
      </header>
      <TextList heading={t('specialties')} items={page.specialties} />
      {page.qualifications.length > 0 && (
        <section>
          <h2>{t('qualifications')}</h2>
          <ul>
            {page.qualifications.map((q, i) => (
              <li key={i}>
                {q.degree}
                {q.institution ? `, ${q.institution}` : ''}
                {q.year ? ` (${q.year})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      <TextList heading={t('conditions')} items={page.conditions_treated} />
      <TextList heading={t('procedures')} items={page.procedures} />
      <TextList heading={t('languages')} items={page.languages} />
      {page.biography && (
        <section>
          <h2>{t('about')}</h2>
          <div class="rich-text" dangerouslySetInnerHTML={{ __html: page.biography }} />
        </section>
      )}
      {clinics.length > 0 && (
        <section>
          <h2>{t('clinicsAndHours')}</h2>
          {clinics.map(({ clinic, hours }) => (
            <section class="clinic" key={clinic.id}>
              <h3>
                {clinic.name}, {clinic.locality}
              </h3>
              {(() => {
                const details = site.clinics.find((c) => c.id === clinic.id);
                if (!details) return null;
                const address = [details.street_address, details.locality, details.region, details.postal_code]
                  .filter(Boolean)
                  .join(', ');
                return (
                  <>
                    <address>{address}</address>
                    {details.map_url && (
                      <p>
                        <a href={details.map_url} target="_blank" rel="noopener">
                          {t('openInMaps')}
                        </a>
                      </p>
                    )}
                  </>
                );
              })()}
              <ul class="hours">
                {hours.map((h, i) => (
                  <li key={i}>
                    {h.weekday_name}: {formatTime(h.opens_at)}–{formatTime(h.closes_at)}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
      <TextList heading={t('memberships')} items={page.memberships} />
      {page.publications.length > 0 && (
        <section>
          <h2>{t('publications')}</h2>
          <ul>
            {page.publications.map((p, i) => (
              <li key={i}>
                {p.url ? <a href={p.url}>{p.title}</a> : p.title}
                {p.publisher ? `, ${p.publisher}` : ''}
                {p.year ? ` (${p.year})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {articles.length > 0 && (
        <section aria-labelledby="doctor-articles">
          <h2 id="doctor-articles">{t('articlesBy', { name })}</h2>
          <div class="cards">
            {articles.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </div>
        </section>
      )}
    </article>
  );
}
