// The JSON Django inlines into the first document (<script id="page-data">),
// so the first view renders without another request.
import type { ArticleCardPage, RoutedPage, RoutedRedirect, SearchResults, SiteData } from '../api/types';

export interface InitialData {
  status: number;
  path: string;
  /** The document's query string, with its "?" ("" when none). */
  location_search?: string;
  route?: RoutedPage | RoutedRedirect | null;
  site?: SiteData | null;
  articles?: ArticleCardPage | null;
  search?: SearchResults | null;
}

let initial: InitialData | null | undefined;

/** The inlined data of the first document, read once. */
export function readInitialData(doc: Document = document): InitialData | null {
  if (initial !== undefined) return initial;
  const script = doc.getElementById('page-data');
  try {
    initial = script?.textContent ? (JSON.parse(script.textContent) as InitialData) : null;
  } catch {
    initial = null;
  }
  return initial;
}

/**
 * The inlined data, only for the document's own path. With `search` (the
 * current query string), only while that is also the document's own.
 */
export function initialDataFor(path: string, search?: string): InitialData | null {
  const data = readInitialData();
  if (!data || data.path !== path) return null;
  if (search !== undefined && search !== (data.location_search ?? '')) return null;
  return data;
}

/** Forget the inlined data (tests, and after the first navigation). */
export function resetInitialData(value?: InitialData | null): void {
  initial = value;
}
