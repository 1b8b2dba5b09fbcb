/** Rich text from the CMS, already display HTML (links resolved by the API). */
export function ParagraphBlock({ html }: { html: string }) {
  return <div class="rich-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
