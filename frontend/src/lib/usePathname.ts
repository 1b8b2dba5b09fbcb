import { useLocation } from 'preact-iso';

/**
 * The browser's path with its trailing slash (Wagtail paths end in "/");
 * preact-iso's own `path` drops it.
 */
export function usePathname(): string {
  const { url } = useLocation();
  return url.split(/[?#]/)[0] || '/';
}
