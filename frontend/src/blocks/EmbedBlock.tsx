type EmbedValue = string | { url?: string; html?: string; title?: string } | null;

/** A video or post: shown as a link, so no third-party script loads until the reader chooses. */
export function EmbedBlock({ value }: { value: EmbedValue }) {
  const url = typeof value === 'string' ? value : value?.url;
  if (!url) return null;
  const title = (typeof value === 'object' && value?.title) || url;
  return (
    <p class="embed">
      <a href={url} target="_blank" rel="noopener">
        {title}
      </a>
    </p>
  );
}
