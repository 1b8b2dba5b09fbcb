import type { PageHead } from '../api/types';
import { t } from '../i18n/messages';

/** The trail from the home page; shown below the home page only. */
export function Breadcrumbs({ crumbs }: { crumbs: PageHead['breadcrumbs'] | undefined }) {
  if (!crumbs || crumbs.length < 2) return null;
  return (
    <nav class="breadcrumbs" aria-label={t('breadcrumb')}>
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.path}>
            {index === crumbs.length - 1 ? (
              <span aria-current="page">{crumb.title}</span>
            ) : (
              <a href={crumb.path}>{crumb.title}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
