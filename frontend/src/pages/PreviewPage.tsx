import { useLocation } from 'preact-iso';
import { ApiError, fetchPreview } from '../api/client';
import { Layout } from '../components/Layout';
import { t } from '../i18n/messages';
import { useResource } from '../lib/useResource';
import { PageView } from './PageView';

/** The headless preview target: the draft from the preview endpoint (also in the admin's live preview panel). */
export function PreviewPage() {
  const { query } = useLocation();
  const contentType = query.content_type ?? '';
  const token = query.token ?? '';
  const key = contentType && token ? `preview:${contentType}:${token}` : null;
  // Fetched after hydration only: a draft is never part of a page's payload.
  const draft = useResource(key, (signal) => fetchPreview(contentType, token, signal));
  if (draft.data) {
    return (
      <Layout head={draft.data.head} booking={draft.data.booking} pageId={draft.data.page.id}>
        <PageView page={draft.data.page} head={draft.data.head} />
      </Layout>
    );
  }
  // The preview endpoint answers 403 to anyone not signed in to the admin.
  const signIn = draft.error instanceof ApiError && draft.error.status === 403;
  // No head of its own: the document keeps the server's (frontend/document_head.py).
  return (
    <Layout>
      <h1>{t('preview')}</h1>
      <p role="status">{signIn ? t('previewSignIn') : !key || draft.failed ? t('previewMissing') : t('loading')}</p>
      {signIn && (
        <p>
          <a href={`/admin/login/?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('signIn')}</a>
        </p>
      )}
    </Layout>
  );
}
