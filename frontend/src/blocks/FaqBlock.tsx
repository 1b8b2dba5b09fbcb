/** A question that opens to show its answer (native <details>: keyboard and screen reader ready). */
export function FaqBlock({ question, html }: { question: string; html: string }) {
  return (
    <details class="faq">
      <summary>{question}</summary>
      <div class="rich-text" dangerouslySetInnerHTML={{ __html: html }} />
    </details>
  );
}
