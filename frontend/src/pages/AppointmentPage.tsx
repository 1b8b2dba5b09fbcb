import { useLocation } from 'preact-iso';
import { useMemo } from 'preact/hooks';
import { usePathname } from '../lib/usePathname';
import { AppointmentForm } from '../components/AppointmentForm';
import { usePageChrome, useSite } from '../components/chrome';
import { t } from '../i18n/messages';

const positiveInt = (value: string | undefined): number | null => {
  const number = Number.parseInt(value ?? '', 10);
  return Number.isFinite(number) && number > 0 ? number : null;
};

/** `/appointment/`: the request form (`?doctor=<id>` names the doctor, `?page=<id>` the page it came from). */
export function AppointmentPage() {
  const { query } = useLocation();
  const path = usePathname();
  const site = useSite();
  const doctorId = positiveInt(query.doctor);
  // Memoised: a new head object on every render would re-declare the chrome forever.
  const head = useMemo(
    () => ({
      title: t('bookTitle'),
      description: '',
      canonical_url: '',
      path,
      social_image: null,
      breadcrumbs: [
        { title: t('home'), path: '/' },
        { title: t('bookTitle'), path },
      ],
    }),
    [path],
  );
  usePageChrome({ title: t('bookTitle'), doctorId, head });
  return (
    <>
      <h1>{t('bookTitle')}</h1>
      <p class="lead">{t('bookIntro')}</p>
      <AppointmentForm doctorId={doctorId} sourcePageId={positiveInt(query.page)} privacyPath={site?.privacy_page?.path} />
    </>
  );
}
