import { Layout } from '../components/Layout';
import { t } from '../i18n/messages';
import { usePayload } from '../lib/payload';

/** Nothing is published at this path. */
export function NotFoundPage() {
  const { site } = usePayload();
  const head = site.app_pages.not_found;
  return (
    <Layout head={head}>
      <h1>{head.title}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <a href={site.site.home.path}>{t('goHome')}</a> · <a href={site.app_pages.search.path}>{t('searchSite')}</a>
      </p>
    </Layout>
  );
}
