// Keeps the document's title, description and canonical link in step with
// client-side navigation. The first document's head is the server's and is
// never touched.
import type { PageHead } from '../api/types';

let documentHeadIsTheServers = true;

function setMeta(selector: string, attribute: 'content' | 'href', value: string): void {
  const element = document.head.querySelector(selector);
  if (element) element.setAttribute(attribute, value);
}

/** Show `head` in the document, except on the app's first render (the server's head is already right). */
export function applyHead(head: PageHead): void {
  if (documentHeadIsTheServers) {
    documentHeadIsTheServers = false;
    return;
  }
  document.title = head.document_title;
  setMeta('meta[name="description"]', 'content', head.description);
  setMeta('link[rel="canonical"]', 'href', head.canonical_url);
  setMeta('meta[property="og:title"]', 'content', head.title);
  setMeta('meta[property="og:url"]', 'content', head.canonical_url);
}

/** Tests: behave as on a freshly loaded document again. */
export function resetDocumentHead(): void {
  documentHeadIsTheServers = true;
}
