// The API calls the app makes, typed by the generated schema.
import type {
  AppointmentCreated,
  AppointmentRequest,
  ArticleCardPage,
  CtaChannel,
  ProblemDetail,
  RoutedPage,
  RoutedRedirect,
  SearchResults,
  SiteData,
} from './types';

const API = '/api/v3';

/** An API answer that was not a success; `problem` holds the field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetail | null,
  ) {
    super(problem?.detail || `HTTP ${status}`);
  }
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readProblem(response: Response): Promise<ProblemDetail | null> {
  try {
    return (await response.json()) as ProblemDetail;
  } catch {
    return null;
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal, credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return (await response.json()) as T;
}

export type RouteResult = RoutedPage | RoutedRedirect | { kind: 'not-found' };

/** What is at `path`: a page, a redirect, or nothing (404). */
export async function fetchRoute(path: string, signal?: AbortSignal): Promise<RouteResult> {
  try {
    return await getJson<RoutedPage | RoutedRedirect>(`${API}/route/${query({ path })}`, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { kind: 'not-found' };
    throw error;
  }
}

export const fetchSite = (signal?: AbortSignal) => getJson<SiteData>(`${API}/site/`, signal);

export interface ArticleQuery {
  category?: string;
  tag?: string;
  doctor?: number;
  limit?: number;
  offset?: number;
}

export const fetchArticles = (params: ArticleQuery, signal?: AbortSignal) =>
  getJson<ArticleCardPage>(`${API}/articles/${query({ ...params })}`, signal);

export const fetchSearch = (q: string, signal?: AbortSignal) =>
  getJson<SearchResults>(`${API}/search/${query({ q })}`, signal);

/** The draft a preview link points at (the editor's session authorises it). */
export const fetchPreview = (contentType: string, token: string, signal?: AbortSignal) =>
  getJson<RoutedPage>(`${API}/preview/${query({ content_type: contentType, token })}`, signal);

function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** Send an appointment request; the key makes a retried send return the first reference. */
export async function createAppointment(body: AppointmentRequest, idempotencyKey: string): Promise<AppointmentCreated> {
  const response = await fetch(`${API}/appointments/`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Idempotency-Key': idempotencyKey,
      'X-CSRFToken': csrfToken(),
    },
    body: JSON.stringify({ ...body, idempotency_key: idempotencyKey }),
  });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return (await response.json()) as AppointmentCreated;
}

/** Count a tap on a call-to-action (anonymous; failures are ignored). */
export function sendCtaEvent(channel: CtaChannel, pageId: number | null | undefined): void {
  if (!pageId) return;
  const body = JSON.stringify({ channel, page_id: pageId });
  try {
    void fetch(`${API}/cta-events/`, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrfToken() },
      body,
    }).catch(() => undefined);
  } catch {
    // Counting must never get in the way of the visitor's tap.
  }
}
