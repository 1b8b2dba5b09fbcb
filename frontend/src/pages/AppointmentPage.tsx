import { useLocation } from 'preact-iso';
import { AppointmentForm } from '../components/AppointmentForm';
import { Layout } from '../components/Layout';
import { t } from '../i18n/messages';
import { usePayload } from '../lib/payload';

const positiveInt = (value: string | undefined): number | null => {
  const number = Number.parseInt(value ?? '', 10);
  return Number.isFinite(number) && number > 0 ? number : null;
};

/** `/appointment/`: the request form (`?doctor=<id>` names the doctor, `?page=<id>` the page it came from). */
export function AppointmentPage() {
  const { query } = useLocation();
  const { site } = usePayload();
  const head = site.app_pages.appointment;
  return (
    <Layout head={head}>
      <h1>{head.title}</h1>
      <p class="lead">{t('bookIntro')}</p>
      <AppointmentForm
        doctorId={positiveInt(query.doctor)}
        sourcePageId={positiveInt(query.page)}
        privacyPath={site.privacy_page?.path}
      />
    </Layout>
  );
}
