/** A video or post by its URL: shown as a link, so no third-party script loads until the reader chooses. */
export function EmbedBlock({ url }: { url: string }) {
  if (!url) return null;
  return (
    <p class="embed">
      <a href={url} target="_blank" rel="noopener">
        {url}
      </a>
    </p>
  );
}
