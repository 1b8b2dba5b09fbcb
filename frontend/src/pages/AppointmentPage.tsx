import { useLocation } from 'preact-iso';
import { AppointmentForm } from '../components/AppointmentForm';
import { Layout } from '../components/Layout';
import { t } from '../i18n/messages';
import { usePayload } from '../lib/payload';

const positiveInt = (value: string | undefined): number | null => {
  const number = Number.parseInt(value ?? '', 10);
  return Number.isFinite(number) && number > 0 ? number : null;
};

/**
 * `/appointment/`: the request form. `?doctor=<id>` names the doctor (when a visitor may see them; else the
 * request is for the practice), `?page=<id>` the page the link was followed from (the API checks it).
 */
export function AppointmentPage() {
  const { query } = useLocation();
  const { site } = usePayload();
  const head = site.app_pages.appointment;
  const doctorId = positiveInt(query.doctor);
  const doctor = site.doctors.find((candidate) => candidate.id === doctorId);
  return (
    <Layout head={head} bookingPage>
      <h1>{doctor ? t('bookWith', { name: doctor.title }) : head.title}</h1>
      <p class="lead">{t('bookIntro')}</p>
      <AppointmentForm
        doctorId={doctor?.id ?? null}
        sourcePageId={positiveInt(query.page)}
        privacyPath={site.privacy_page?.path}
      />
    </Layout>
  );
}
