import { Layout } from '../components/Layout';
import { t } from '../i18n/messages';
import { type PasswordForm, usePayload } from '../lib/payload';

/** A page its editors protected with a password: Wagtail's password form, in the site's layout. */
export function PasswordPage({ form }: { form: PasswordForm }) {
  const { site } = usePayload();
  const head = { ...site.app_pages.not_found, title: form.title, document_title: form.title, breadcrumbs: [] };
  return (
    <Layout head={head}>
      <h1>{form.title}</h1>
      <p>{t('passwordText')}</p>
      <form method="post" action={form.action} class="password-form">
        <input type="hidden" name="csrfmiddlewaretoken" value={form.csrf_token} />
        <input type="hidden" name="return_url" value={form.return_url} />
        {form.error && (
          <p class="field-error" id="password-error" role="alert">
            {form.error}
          </p>
        )}
        <label for="page-password">{t('passwordLabel')}</label>
        <input
          id="page-password"
          type="password"
          name="password"
          required
          autocomplete="current-password"
          aria-invalid={form.error ? 'true' : undefined}
          aria-describedby={form.error ? 'password-error' : undefined}
        />
        <button type="submit" class="button">
          {t('passwordSubmit')}
        </button>
      </form>
    </Layout>
  );
}
