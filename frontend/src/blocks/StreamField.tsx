import type { BodyBlock } from '../api/types';
import { CalloutBlock } from './CalloutBlock';
import { EmbedBlock } from './EmbedBlock';
import { FaqBlock } from './FaqBlock';
import { HeadingBlock } from './HeadingBlock';
import { ImageBlock } from './ImageBlock';
import { ParagraphBlock } from './ParagraphBlock';
import { QuoteBlock } from './QuoteBlock';
import { TableBlock } from './TableBlock';

function Block({ block }: { block: BodyBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <ParagraphBlock html={block.value} />;
    case 'heading':
      return <HeadingBlock text={block.value.text} level={block.value.level} />;
    case 'image':
      return <ImageBlock image={block.value.image} caption={block.value.caption} />;
    case 'quote':
      return <QuoteBlock text={block.value.text} attribution={block.value.attribution} />;
    case 'callout':
      return <CalloutBlock style={block.value.style} title={block.value.title} html={block.value.body} />;
    case 'faq':
      return <FaqBlock question={block.value.question} html={block.value.answer} />;
    case 'table':
      return <TableBlock value={block.value} />;
    case 'embed':
      return <EmbedBlock url={block.value} />;
    default:
      // A block type this build does not know yet is skipped, never a broken page.
      return null;
  }
}

/** A page body: one component per StreamField block type. */
export function StreamField({ blocks }: { blocks: BodyBlock[] }) {
  return (
    <div class="body">
      {blocks.map((block) => (
        <Block key={block.id} block={block} />
      ))}
    </div>
  );
}
