/** A highlighted box: key points, a note or an important warning. */
export function CalloutBlock({ style, title, html }: { style: string; title?: string; html: string }) {
  return (
    <aside class={`callout callout-${style}`} aria-label={title || undefined}>
      {title && (
        <p class="callout-title">
          <strong>{title}</strong>
        </p>
      )}
      <div class="rich-text" dangerouslySetInnerHTML={{ __html: html }} />
    </aside>
  );
}
