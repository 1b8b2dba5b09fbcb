// The appointment form's values, client-side checks and the mapping of the
// API's field errors. The API has the last word; these checks only spare the
// visitor a round trip for the obvious mistakes.
import type { AppointmentRequest, ProblemDetail } from '../api/types';
import { t } from '../i18n/messages';

export interface AppointmentValues {
  name: string;
  phone: string;
  email: string;
  preferred_date: string;
  time_of_day: '' | 'morning' | 'afternoon' | 'evening';
  reason: string;
  consent: boolean;
  website: string;
}

export type FieldName = keyof AppointmentValues;
export type FieldErrors = Partial<Record<FieldName | 'form', string>>;

/** The fields in the order the form shows them (the error summary lists their errors in this order). */
export const FIELD_ORDER: FieldName[] = ['name', 'phone', 'email', 'preferred_date', 'time_of_day', 'reason', 'consent'];

export const emptyValues: AppointmentValues = {
  name: '',
  phone: '',
  email: '',
  preferred_date: '',
  time_of_day: '',
  reason: '',
  consent: false,
  website: '',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;
// Plainly incomplete or overlong numbers (E.164 allows 15 digits); the API checks each country's exact lengths.
const MIN_PHONE_DIGITS = 8;
const MAX_PHONE_DIGITS = 15;

/** Today's date as YYYY-MM-DD in the visitor's own time zone. */
export function today(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** The obvious mistakes, one message per field. */
export function validateAppointment(values: AppointmentValues, now: Date = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = t('errName');
  const phone = values.phone.trim();
  const digits = phone.replace(/\D/g, '');
  const examples = { examples: t('phoneExamples') };
  if (!phone) errors.phone = t('errPhone');
  else if (!PHONE_CHARS.test(phone)) errors.phone = t('errPhoneCharacters', examples);
  else if (digits.length < MIN_PHONE_DIGITS) errors.phone = t('errPhoneShort', examples);
  else if (digits.length > MAX_PHONE_DIGITS) errors.phone = t('errPhoneLong', examples);
  if (values.email.trim() && !EMAIL.test(values.email.trim())) errors.email = t('errEmail');
  if (values.preferred_date && values.preferred_date < today(now)) errors.preferred_date = t('errDatePast');
  if (!values.consent) errors.consent = t('errConsent');
  return errors;
}

const FIELDS = new Set<string>(Object.keys(emptyValues));

/** The API's 422 errors by form field; anything else becomes a message for the whole form. */
export function apiFieldErrors(problem: ProblemDetail | null): FieldErrors {
  const errors: FieldErrors = {};
  for (const item of problem?.errors ?? []) {
    const loc = Array.isArray(item.loc) ? (item.loc as unknown[]) : [];
    const field = [...loc].reverse().find((part): part is string => typeof part === 'string' && FIELDS.has(part));
    const message = typeof item.msg === 'string' ? item.msg : '';
    if (field && message && !errors[field as FieldName]) errors[field as FieldName] = message;
    else if (message && !errors.form) errors.form = message;
  }
  if (!Object.keys(errors).length && problem?.detail) errors.form = problem.detail;
  return errors;
}

/** The request body for the API. */
export function toRequest(
  values: AppointmentValues,
  extra: { doctorId: number | null; sourcePageId: number | null; fillTimeMs: number },
): AppointmentRequest {
  return {
    name: values.name.trim(),
    phone: values.phone.trim(),
    email: values.email.trim(),
    preferred_date: values.preferred_date || null,
    time_of_day: values.time_of_day || null,
    reason: values.reason.trim(),
    consent: values.consent,
    website: values.website,
    doctor_id: extra.doctorId,
    source_page_id: extra.sourcePageId,
    fill_time_ms: Math.max(0, Math.round(extra.fillTimeMs)),
  };
}
