import { usePageChrome } from '../components/chrome';
import { t } from '../i18n/messages';

/** Nothing is published at this path. */
export function NotFoundPage() {
  usePageChrome({ title: t('notFoundTitle') });
  return (
    <>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <a href="/">{t('goHome')}</a> · <a href="/search/">{t('searchSite')}</a>
      </p>
    </>
  );
}
