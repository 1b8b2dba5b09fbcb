// The page's payload: what Django inlines into every document
// (<script type="application/json" id="page-data">) and renders the server's
// HTML from. The app hydrates that HTML from the same payload and fetches
// nothing it holds.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ArticleCardPage, RoutedPage, SearchResults, SiteData } from '../api/types';

/** A page behind Wagtail's privacy settings: its password form, or the notice that it is private. */
export interface RestrictedPage {
  kind: 'password' | 'private';
  title: string;
  action: string;
  csrf_token: string;
  return_url: string;
  error: string;
}

export interface PagePayload {
  /** The document's HTTP status. */
  status: number;
  /** The document's path. */
  path: string;
  /** The query parameters the page read, normalised ("" or "?category=…&tag=…&page=…"). */
  query: string;
  site: SiteData;
  route: RoutedPage | null;
  /** The article list's page of cards, a doctor's articles, or the home page's newest. */
  articles: ArticleCardPage | null;
  search: SearchResults | null;
  restricted: RestrictedPage | null;
}

/** The payload inlined in the document, or null when there is none (a bare shell). */
export function readPayload(doc: Document = document): PagePayload | null {
  const script = doc.getElementById('page-data');
  try {
    return script?.textContent ? (JSON.parse(script.textContent) as PagePayload) : null;
  } catch {
    return null;
  }
}

export const PayloadContext = createContext<PagePayload | null>(null);

/** The document's payload. */
export function usePayload(): PagePayload {
  const payload = useContext(PayloadContext);
  if (!payload) throw new Error('The app renders inside <PayloadContext.Provider>.');
  return payload;
}

/** The payload, only while the app shows the document's own path (and, with `query`, its own query). */
export function useInlined(path: string, query?: string): PagePayload | null {
  const payload = usePayload();
  if (payload.path !== path) return null;
  if (query !== undefined && query !== payload.query) return null;
  return payload;
}
