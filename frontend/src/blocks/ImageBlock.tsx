import type { ResponsiveImage } from '../api/types';
import { Picture } from '../components/Picture';

/** An image in the body with its caption; the block's alt text overrides the image's. */
export function ImageBlock({ image, altText, caption }: { image: ResponsiveImage | null; altText?: string; caption?: string }) {
  if (!image || typeof image !== 'object') return null;
  return (
    <figure class="figure">
      <Picture image={image} alt={altText || image.alt} lazy />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
