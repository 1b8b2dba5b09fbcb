import type { ResponsiveImage } from '../api/types';
import { Picture } from '../components/Picture';

/** An image in the body with its caption (the API puts the block's alt text, if any, in the image's). */
export function ImageBlock({ image, caption }: { image: ResponsiveImage | null; caption: string }) {
  if (!image) return null;
  return (
    <figure class="figure">
      <Picture image={image} lazy />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
