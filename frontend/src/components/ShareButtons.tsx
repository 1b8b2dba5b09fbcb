import { useState } from 'preact/hooks';
import { t } from '../i18n/messages';

/** Share an article on WhatsApp or copy its link. */
export function ShareButtons({ title, url }: { title: string; url: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      window.prompt(t('copyLink'), url);
    }
  };
  return (
    <section class="share" aria-label={t('share')}>
      <h2 class="visually-hidden">{t('share')}</h2>
      <a class="button" href={`https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`} target="_blank" rel="noopener">
        {t('shareWhatsApp')}
      </a>
      <button type="button" class="button" onClick={copy}>
        {t('copyLink')}
      </button>
      <span role="status" class="share-status">
        {copied ? t('linkCopied') : ''}
      </span>
    </section>
  );
}
