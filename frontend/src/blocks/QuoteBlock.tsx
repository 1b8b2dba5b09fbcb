/** A quotation with its source. */
export function QuoteBlock({ text, attribution }: { text: string; attribution?: string }) {
  return (
    <figure class="quote">
      <blockquote>
        <p>{text}</p>
      </blockquote>
      {attribution && <figcaption>{attribution}</figcaption>}
    </figure>
  );
}
