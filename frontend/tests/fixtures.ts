// Page JSON in the shapes the API returns (see src/api/schema.d.ts).
import type { ArticlePageData, BookingLinks, DoctorPageData, PageHead, ResponsiveImage, RoutedPage, SiteData } from '../src/api/types';
import type { PagePayload } from '../src/lib/payload';

export const image: ResponsiveImage = {
  id: 1,
  src: '/media/images/hero.width-800.png',
  width: 800,
  height: 450,
  alt: 'Abstract teal artwork',
  srcset: '/media/a.width-400.webp 400w, /media/a.width-800.webp 800w',
  sources: [
    { type: 'image/avif', srcset: '/media/a.width-400.avif 400w' },
    { type: 'image/webp', srcset: '/media/a.width-400.webp 400w, /media/a.width-800.webp 800w' },
  ],
  credit: '',
};

export const siteContacts = {
  phone: '+919876543210',
  phone_display: '+91 98765 43210',
  phone_url: 'tel:+919876543210',
  whatsapp_number: '+919876543210',
  whatsapp_message: 'Hello, I would like to book an appointment.',
  whatsapp_url: 'https://wa.me/919876543210',
};

const head = (title: string, path: string): PageHead => ({
  title,
  document_title: path === '/' ? title : `${title} | Clinic`,
  description: `${title} description`,
  canonical_url: path ? `http://testserver${path}` : '',
  path,
  social_image: null,
  breadcrumbs: path
    ? [
        { title: 'Home', path: '/' },
        { title, path },
      ]
    : [{ title: 'Home', path: '/' }],
});

export const siteBooking: BookingLinks = {
  tel_url: 'tel:+919876543210',
  phone_display: '+91 98765 43210',
  whatsapp_url: `https://wa.me/919876543210?text=${encodeURIComponent('Hello, I would like to book an appointment.')}`,
  booking_url: '/appointment/',
  doctor_id: null,
};

export const site: SiteData = {
  site: { name: 'Clinic', root_url: 'http://testserver', language: 'en', home: { id: 3, title: 'Home', path: '/' } },
  settings: {
    id: 1,
    appointment_phone: '+919876543210',
    whatsapp_number: '+919876543210',
    whatsapp_message: 'Hello, I would like to book an appointment.',
    footer_disclaimer: 'General information, not a consultation.',
    registration_details: 'Registered practice 123',
    default_social_image: null,
  },
  contacts: siteContacts,
  clinics: [],
  menu: [{ id: 8, title: 'Articles', path: '/articles/' }],
  doctors: [{ id: 4, title: 'Dr. Amit Pandey', path: '/dr-amit-pandey/' }],
  privacy_page: { id: 6, title: 'Privacy', path: '/privacy/' },
  disclaimer_page: { id: 7, title: 'Medical disclaimer', path: '/disclaimer/' },
  booking: siteBooking,
  app_pages: {
    search: head('Search', '/search/'),
    appointment: head('Book an appointment', '/appointment/'),
    not_found: head('Page not found', ''),
  },
} as unknown as SiteData;

export const doctor = {
  id: 4,
  title: 'Dr. Amit Pandey',
  meta: { type: 'home.DoctorPage', slug: 'dr-amit-pandey' },
  honorific: 'Dr.',
  name: 'Amit Pandey',
  display_name: 'Dr. Amit Pandey',
  job_title: 'Oncologist',
  photo: null,
  summary: 'An oncologist.',
  registration_number: 'MMC 12345',
  registration_council: 'Maharashtra Medical Council',
  practising_since: 2010,
  years_of_practice: 16,
  qualifications: [{ degree: 'DM (Medical Oncology)', institution: 'AIIMS', year: 2010 }],
  specialties: [{ text: 'Medical oncology' }],
  conditions_treated: [{ text: 'Breast cancer' }],
  procedures: [{ text: 'Chemotherapy' }],
  languages: [{ text: 'Hindi' }],
  memberships: [],
  publications: [],
  clinic_hours: [{ clinic: { id: 1, name: 'City Cancer Centre', locality: 'Mumbai' }, weekday: 0, opens_at: '09:30:00', closes_at: '13:00:00' }],
  clinics: [
    {
      clinic: { id: 1, name: 'City Cancer Centre', locality: 'Mumbai' },
      hours: [{ weekday: 0, weekday_name: 'Monday', opens_at: '09:30:00', closes_at: '13:00:00' }],
    },
  ],
  biography: '<p>Writes about cancer care.</p>',
  contacts: { ...siteContacts, phone: '+912222222222', phone_display: '+91 22 2222 2222', whatsapp_number: '+912222222222' },
  head: head('Dr. Amit Pandey', '/dr-amit-pandey/'),
} as unknown as DoctorPageData;

export const article = {
  id: 9,
  title: 'Medical or surgical oncologist?',
  meta: { type: 'blog.ArticlePage', slug: 'medical-or-surgical' },
  summary: 'What each one does.',
  published_date: '2026-01-15',
  last_reviewed_date: '2026-03-01',
  reading_time: 3,
  hero_image: image,
  author: { id: 4, title: 'Dr. Amit Pandey', path: '/dr-amit-pandey/', display_name: 'Dr. Amit Pandey', job_title: 'Oncologist', photo: null },
  reviewer: { id: 5, title: 'Dr. Rao', path: '/dr-rao/', display_name: 'Dr. Meera Rao', job_title: 'Surgeon', photo: null },
  body: [
    { id: 'a', type: 'paragraph', value: '<p>Intro <a href="/about/">about us</a>.</p>' },
    { id: 'b', type: 'heading', value: { text: 'Medical oncologist', level: 'h2' } },
  ],
  references: [{ title: 'NCI: Types of oncologists', url: 'https://www.cancer.gov/', publisher: 'NCI' }],
  categories: [{ id: 1, name: 'Medical oncology', slug: 'medical-oncology' }],
  tags: [{ name: 'cancer treatment', slug: 'cancer-treatment' }],
  related_articles: [],
  head: head('Medical or surgical oncologist?', '/articles/medical-or-surgical/'),
} as unknown as ArticlePageData;

/** A doctor's own booking links (their override of the practice's phone). */
export const doctorBooking: BookingLinks = {
  tel_url: 'tel:+912222222222',
  phone_display: '+91 22 2222 2222',
  whatsapp_url: 'https://wa.me/912222222222',
  booking_url: '/appointment/?doctor=4&page=4',
  doctor_id: 4,
};

/** The route answer for a page, as `/api/v3/route/` sends it. */
export function routed(page: DoctorPageData | ArticlePageData | Record<string, unknown>, booking: BookingLinks = siteBooking): RoutedPage {
  const data = page as { head: PageHead };
  return { kind: 'page', page, head: data.head, booking } as unknown as RoutedPage;
}

/** A document's payload at `path`. */
export function payloadFor(path: string, parts: Partial<PagePayload> = {}): PagePayload {
  return { status: 200, path, query: '', site, route: null, articles: null, search: null, restricted: null, ...parts };
}
