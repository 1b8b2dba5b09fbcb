import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, createAppointment, sendCtaEvent } from '../api/client';
import {
  FIELD_ORDER,
  apiFieldErrors,
  emptyValues,
  toRequest,
  today,
  validateAppointment,
  type AppointmentValues,
  type FieldErrors,
  type FieldName,
} from '../lib/appointmentForm';
import { newIdempotencyKey } from '../lib/idempotency';
import { t, type MessageKey } from '../i18n/messages';
import { BookingActions } from './BookingActions';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (character) => HTML_ESCAPES[character]);

interface Props {
  doctorId: number | null;
  sourcePageId: number | null;
  privacyPath?: string | null;
}

/**
 * The request form: checks as the visitor types, shows the API's field errors, ends on the reference.
 * A refused send moves focus to the error summary, which links every error to its field.
 */
export function AppointmentForm({ doctorId, sourcePageId, privacyPath }: Props) {
  const [values, setValues] = useState<AppointmentValues>(emptyValues);
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [reference, setReference] = useState('');
  // The API's limits answered 429: the summary offers the call and WhatsApp links instead.
  const [limited, setLimited] = useState(false);
  // Bumped on every refused send, so focus moves to the summary once it is rendered.
  const [refusals, setRefusals] = useState(0);
  const shownAt = useRef(typeof performance !== 'undefined' ? performance.now() : Date.now());
  // Made on the first send (the browser's crypto; the server renders the form without one).
  const key = useRef('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);

  const clientErrors = validateAppointment(values);
  const errorFor = (field: FieldName): string | undefined =>
    serverErrors[field] ?? (submitted || touched[field] ? clientErrors[field] : undefined);

  const update = (field: FieldName, value: string | boolean) => {
    setValues((current) => ({ ...current, [field]: value }));
    // An answer the visitor changes is theirs again: the server's old message no longer applies.
    setServerErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
    setTouched((current) => ({ ...current, [field]: true }));
  };

  useEffect(() => {
    if (reference) confirmRef.current?.focus();
  }, [reference]);

  useEffect(() => {
    const summary = summaryRef.current;
    if (!refusals || !summary) return;
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: 'start' });
  }, [refusals]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(clientErrors).length) {
      setRefusals((count) => count + 1);
      return;
    }
    setSending(true);
    setServerErrors({});
    setLimited(false);
    try {
      const now = typeof performance !== 'undefined' ? performance.now() : Date.now();
      const body = toRequest(values, { doctorId, sourcePageId, fillTimeMs: now - shownAt.current });
      key.current ||= newIdempotencyKey();
      const created = await createAppointment(body, key.current);
      sendCtaEvent('request_sent', sourcePageId ?? doctorId);
      setReference(created.reference);
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        const errors = apiFieldErrors(error.problem);
        setServerErrors(Object.keys(errors).length ? errors : { form: t('sendError') });
        // Nothing was stored: the corrected form is a new request with its own key.
        if (error.status !== 429) key.current = newIdempotencyKey();
        setLimited(error.status === 429);
      } else {
        // Network trouble: the same key lets a retry return the first request's reference.
        setServerErrors({ form: t('sendError') });
      }
      setRefusals((count) => count + 1);
    } finally {
      setSending(false);
    }
  };

  if (reference) {
    return (
      <section class="confirmation" aria-live="polite">
        <h2 ref={confirmRef} tabIndex={-1}>
          {t('confirmTitle')}
        </h2>
        <p>
          {t('confirmText')} <strong class="reference">{reference}</strong>.
        </p>
        <p>{t('confirmKeep')}</p>
      </section>
    );
  }

  const listed = FIELD_ORDER.flatMap((name) => {
    const message = errorFor(name);
    return message ? [{ name, message }] : [];
  });
  const showSummary = submitted && (listed.length > 0 || Boolean(serverErrors.form) || limited);
  const goToField = (event: Event, name: FieldName) => {
    const input = document.getElementById(`f-${name}`);
    if (!input) return;
    event.preventDefault();
    input.focus({ preventScroll: true });
    (input.closest('.field') ?? input).scrollIntoView({ block: 'center' });
  };
  const field = (name: FieldName, label: MessageKey, input: (describedBy: string | undefined, invalid: boolean) => preact.JSX.Element, hint?: MessageKey, required = false) => {
    const error = errorFor(name);
    const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div class={`field${error ? ' field-invalid' : ''}`}>
        <label for={`f-${name}`}>
          {t(label)}
          {required && <span class="required"> ({t('required')})</span>}
        </label>
        {hint && (
          <p class="hint" id={`${name}-hint`}>
            {t(hint, { examples: t('phoneExamples') })}
          </p>
        )}
        {input(ids, Boolean(error))}
        {error && (
          <p class="error" id={`${name}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };
  const text = (name: 'name' | 'phone' | 'email', type: string, autocomplete: string) => (ids: string | undefined, invalid: boolean) => (
    <input
      id={`f-${name}`}
      name={name}
      type={type}
      autoComplete={autocomplete}
      required={name !== 'email'}
      value={values[name]}
      aria-invalid={invalid}
      aria-describedby={ids}
      onInput={(e) => update(name, e.currentTarget.value)}
      onBlur={() => setTouched((c) => ({ ...c, [name]: true }))}
    />
  );

  return (
    // POST, so a form sent before the app runs (or without scripts) never puts a patient's details in an
    // address, a browser history or an access log; the server answers such a post with the empty form.
    <form class="appointment-form" method="post" noValidate onSubmit={submit}>
      {/* Set as HTML: hydration keeps it as it is (browsers running scripts read a noscript's content as text). */}
      <noscript dangerouslySetInnerHTML={{ __html: `<p class="form-needs-script">${escapeHtml(t('formNeedsScript'))}</p>` }} />
      {showSummary && (
        <div class="error-summary" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t('errorSummaryTitle')}</h2>
          {serverErrors.form && <p>{serverErrors.form}</p>}
          {listed.length > 0 && (
            <ul>
              {listed.map(({ name, message }) => (
                <li key={name}>
                  <a href={`#f-${name}`} onClick={(event) => goToField(event, name)}>
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {limited && (
            <>
              <p>{t('errorSummaryContact')}</p>
              <p class="booking-actions">
                <BookingActions withoutBook withNumber />
              </p>
            </>
          )}
        </div>
      )}
      {field('name', 'fieldName', text('name', 'text', 'name'), undefined, true)}
      {field('phone', 'fieldPhone', text('phone', 'tel', 'tel'), 'fieldPhoneHint', true)}
      {field('email', 'fieldEmail', text('email', 'email', 'email'))}
      {field('preferred_date', 'fieldDate', (ids, invalid) => (
        <input
          id="f-preferred_date"
          name="preferred_date"
          type="date"
          min={today()}
          value={values.preferred_date}
          aria-invalid={invalid}
          aria-describedby={ids}
          onInput={(e) => update('preferred_date', e.currentTarget.value)}
        />
      ))}
      {field('time_of_day', 'fieldTime', (ids) => (
        <select
          id="f-time_of_day"
          name="time_of_day"
          value={values.time_of_day}
          aria-describedby={ids}
          onChange={(e) => update('time_of_day', e.currentTarget.value)}
        >
          <option value="">{t('timeAny')}</option>
          <option value="morning">{t('timeMorning')}</option>
          <option value="afternoon">{t('timeAfternoon')}</option>
          <option value="evening">{t('timeEvening')}</option>
        </select>
      ))}
      {field(
        'reason',
        'fieldReason',
        (ids, invalid) => (
          <textarea
            id="f-reason"
            name="reason"
            rows={3}
            maxLength={500}
            value={values.reason}
            aria-invalid={invalid}
            aria-describedby={ids}
            onInput={(e) => update('reason', e.currentTarget.value)}
          />
        ),
        'fieldReasonHint',
      )}
      <div class={`field field-check${errorFor('consent') ? ' field-invalid' : ''}`}>
        <input
          id="f-consent"
          name="consent"
          type="checkbox"
          checked={values.consent}
          aria-invalid={Boolean(errorFor('consent'))}
          aria-describedby={errorFor('consent') ? 'consent-error' : undefined}
          onChange={(e) => update('consent', e.currentTarget.checked)}
        />
        <label for="f-consent">
          {t('fieldConsent')} {privacyPath && <a href={privacyPath}>{t('privacyNotice')}</a>}
        </label>
        {errorFor('consent') && (
          <p class="error" id="consent-error">
            {errorFor('consent')}
          </p>
        )}
      </div>
      <div class="honeypot" aria-hidden="true">
        <label for="f-website">{t('fieldWebsite')}</label>
        <input
          id="f-website"
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={values.website}
          onInput={(e) => update('website', e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button button-primary" disabled={sending}>
        {sending ? t('sending') : t('send')}
      </button>
    </form>
  );
}
