import { Layout } from '../components/Layout';
import { t } from '../i18n/messages';
import { type RestrictedPage, usePayload } from '../lib/payload';

/** A page behind Wagtail's privacy settings: its password form, or the notice that it is private. */
export function RestrictedNotice({ page }: { page: RestrictedPage }) {
  const { site } = usePayload();
  // Only ever the server's first view: the document keeps the server's head (frontend/document_head.py).
  if (page.kind === 'private') {
    return (
      <Layout>
        <h1>{page.title}</h1>
        <p>{t('privateText')}</p>
        <p>
          <a href={site.site.home.path}>{t('goHome')}</a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout>
      <h1>{page.title}</h1>
      <p>{t('passwordText')}</p>
      <form method="post" action={page.action} class="password-form">
        <input type="hidden" name="csrfmiddlewaretoken" value={page.csrf_token} />
        <input type="hidden" name="return_url" value={page.return_url} />
        {page.error && (
          <p class="field-error" id="password-error" role="alert">
            {page.error}
          </p>
        )}
        <label for="page-password">{t('passwordLabel')}</label>
        <input
          id="page-password"
          type="password"
          name="password"
          required
          autocomplete="current-password"
          aria-invalid={page.error ? 'true' : undefined}
          aria-describedby={page.error ? 'password-error' : undefined}
        />
        <button type="submit" class="button">
          {t('passwordSubmit')}
        </button>
      </form>
    </Layout>
  );
}
