import type { ResponsiveImage } from '../api/types';

interface Props {
  image: ResponsiveImage | null | undefined;
  sizes?: string;
  alt?: string;
  /** Below the fold: let the browser fetch it later. */
  lazy?: boolean;
  class?: string;
}

/** A `<picture>` with AVIF/WebP sources; width and height reserve the space before it loads. */
export function Picture({ image, sizes = '(min-width: 60rem) 56rem, 100vw', alt, lazy = false, class: className }: Props) {
  if (!image) return null;
  return (
    <picture class={className}>
      {image.sources.map((source) => (
        <source key={source.type} type={source.type} srcset={source.srcset} sizes={sizes} />
      ))}
      <img
        src={image.src}
        width={image.width}
        height={image.height}
        alt={alt ?? image.alt}
        loading={lazy ? 'lazy' : undefined}
        decoding="async"
      />
    </picture>
  );
}
