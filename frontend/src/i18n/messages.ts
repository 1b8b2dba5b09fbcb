// Every word the interface shows, in one catalog per language. Page content
// comes from the CMS; these are only the app's own labels and messages.
// A new language is a new catalog with the same keys (see `Messages`).

export const en = {
  skipToContent: 'Skip to content',
  mainMenu: 'Main',
  breadcrumb: 'Breadcrumb',
  search: 'Search',
  searchLabel: 'Search articles and doctors',
  searchResults: '{count} results for “{query}”',
  searchResultsOne: '1 result for “{query}”',
  searchNoResults: 'Nothing matched “{query}”. Try another word.',
  didYouMean: 'Did you mean',
  home: 'Home',
  loading: 'Loading…',
  loadError: 'This page could not be loaded. Check your connection and try again.',
  retry: 'Try again',
  passwordText: 'This page is protected. Enter the password you were given to read it.',
  passwordLabel: 'Password',
  privateText: 'This page is not public. Clinic staff can read it in the admin.',
  passwordSubmit: 'Continue',
  notFoundText: 'We could not find the page you asked for. It may have moved, or the address may be mistyped.',
  goHome: 'Go to the home page',
  searchSite: 'Search the site',
  ourDoctors: 'Our doctors',
  featuredArticles: 'Featured articles',
  latestArticles: 'Latest articles',
  articles: 'Articles',
  articlesBy: 'Articles by {name}',
  noArticles: 'No articles yet.',
  filteredBy: 'Showing articles filed under',
  showAll: 'Show all articles',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: 'Page {page} of {pages}',
  pages: 'Pages',
  by: 'By',
  reviewedBy: 'Medically reviewed by',
  published: 'Published',
  lastReviewed: 'Last reviewed',
  minutesRead: '{count} min read',
  references: 'References',
  categories: 'Categories',
  tags: 'Tags',
  relatedArticles: 'Related articles',
  share: 'Share this article',
  shareWhatsApp: 'Share on WhatsApp',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  registration: 'Registration',
  yearsOfPractice: '{count} years of practice',
  specialties: 'Specialties',
  qualifications: 'Qualifications',
  conditions: 'Conditions treated',
  procedures: 'Procedures',
  languages: 'Languages',
  memberships: 'Memberships',
  publications: 'Publications',
  about: 'About',
  clinicsAndHours: 'Clinics and consultation hours',
  openInMaps: 'Open in maps',
  privacyNotice: 'Privacy notice',
  bookingBar: 'Book an appointment',
  call: 'Call',
  whatsapp: 'WhatsApp',
  book: 'Book an appointment',
  bookWith: 'Book an appointment with {name}',
  formNeedsScript:
    'This form needs JavaScript to send your request, and your browser has not run it. Please call or WhatsApp the clinic with the buttons on this page instead.',
  bookInviteTitle: 'Talk to the doctor',
  bookInviteText: 'Questions about your own treatment? Call or WhatsApp the clinic, or ask for an appointment and the clinic will call you back.',
  bookTitle: 'Book an appointment',
  bookIntro: 'Send a request and the clinic will call you back to confirm a time.',
  fieldName: 'Your name',
  fieldPhone: 'Phone number',
  fieldPhoneHint: 'We call you back on this number, {examples}.',
  // The API's own phone messages end with the same examples (appointments/schemas.py PHONE_EXAMPLES).
  phoneExamples: 'e.g. 98765 43210, or with the country code outside India, e.g. +44 20 7946 0958',
  fieldEmail: 'E-mail (optional)',
  fieldDate: 'Preferred date (optional)',
  fieldTime: 'Preferred time of day (optional)',
  timeAny: 'Any time',
  timeMorning: 'Morning',
  timeAfternoon: 'Afternoon',
  timeEvening: 'Evening',
  fieldReason: 'Reason for the visit (optional)',
  fieldReasonHint: 'A few words are enough. Please do not share medical details here.',
  fieldConsent: 'I agree that the clinic may contact me about this request, as described in the privacy notice.',
  fieldWebsite: 'Leave this field empty',
  required: 'required',
  errName: 'Enter your name.',
  errPhone: 'Enter a phone number we can call you back on.',
  errPhoneCharacters: 'Use only digits and spaces in the phone number, {examples}.',
  errPhoneShort: 'This phone number is too short. Enter all its digits, {examples}.',
  errPhoneLong: 'This phone number is too long. Check its digits, {examples}.',
  errEmail: 'Enter an e-mail address like name@example.com, or leave it empty.',
  errConsent: 'Please agree so the clinic can contact you.',
  errDatePast: 'Choose today or a later date.',
  errorSummaryTitle: 'There is a problem',
  errorSummaryContact: 'You can also call or WhatsApp the clinic:',
  sendError: 'Your request could not be sent. Please try again, or call us.',
  send: 'Send request',
  sending: 'Sending…',
  confirmTitle: 'Request sent',
  confirmText: 'Thank you. The clinic will call you back to confirm a time. Your reference number is',
  confirmKeep: 'Keep this number if you call the clinic about your request.',
  preview: 'Preview',
  previewSignIn: 'Previews are for clinic staff. Sign in to the admin, then open the preview again.',
  signIn: 'Sign in',
  previewMissing: 'This preview link is incomplete or has expired. Open the preview again from the editor.',
  // A calendar date ("27 November 2026"): the month names, January first, and their order in a date.
  months: 'January February March April May June July August September October November December',
  date: '{day} {month} {year}',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const catalogs: Record<string, Messages> = { en };

let active: Messages = en;

/** Switch the interface language; unknown languages keep English. */
export function setLanguage(code: string): void {
  active = catalogs[code.split('-')[0]] ?? en;
}

/** The message for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = active[key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
