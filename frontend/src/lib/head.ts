// Keeps the document's title, description and canonical link in step with
// client-side navigation (the first document's head comes from Django).
import type { PageHead } from '../api/types';

function setMeta(selector: string, attribute: 'content' | 'href', value: string): void {
  const element = document.head.querySelector(selector);
  if (element) element.setAttribute(attribute, value);
}

/** Update the head for a page; `siteName` is appended to titles other than the home page's. */
export function applyHead(head: PageHead | null | undefined, fallbackTitle: string, siteName: string, isHome = false): void {
  const title = head?.title || fallbackTitle;
  document.title = isHome || !siteName ? title : `${title} | ${siteName}`;
  if (head) {
    setMeta('meta[name="description"]', 'content', head.description);
    setMeta('link[rel="canonical"]', 'href', head.canonical_url);
    setMeta('meta[property="og:title"]', 'content', title);
    setMeta('meta[property="og:url"]', 'content', head.canonical_url);
  }
}
