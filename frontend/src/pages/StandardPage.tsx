import type { StandardPageData } from '../api/types';
import { StreamField } from '../blocks/StreamField';

/** About, privacy notice, disclaimer: a title, an introduction and a body. */
export function StandardPage({ page }: { page: StandardPageData }) {
  return (
    <article>
      <h1>{page.title}</h1>
      {page.introduction && <p class="lead">{page.introduction}</p>}
      <StreamField blocks={page.body ?? []} />
    </article>
  );
}
