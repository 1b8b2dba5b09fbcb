import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { fetchPreview } from '../api/client';
import type { PageData } from '../api/types';
import { usePageChrome } from '../components/chrome';
import { t } from '../i18n/messages';
import { PageView } from './PageView';

function PreviewMessage({ text }: { text: string }) {
  usePageChrome({ title: t('preview') });
  return (
    <>
      <h1>{t('preview')}</h1>
      <p role="status">{text}</p>
    </>
  );
}

/** The headless preview target: the draft from the preview endpoint (also in the admin's live preview panel). */
export function PreviewPage() {
  const { query } = useLocation();
  const contentType = query.content_type ?? '';
  const token = query.token ?? '';
  const [page, setPage] = useState<PageData | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!contentType || !token) {
      setFailed(true);
      return;
    }
    const controller = new AbortController();
    setFailed(false);
    fetchPreview(contentType, token, controller.signal)
      .then(setPage)
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setFailed(true);
      });
    return () => controller.abort();
  }, [contentType, token]);
  if (failed) return <PreviewMessage text={t('previewMissing')} />;
  if (!page) return <PreviewMessage text={t('loading')} />;
  return <PageView page={page} />;
}
