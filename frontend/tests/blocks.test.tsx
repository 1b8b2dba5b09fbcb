import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { BodyBlock } from '../src/api/types';
import { StreamField } from '../src/blocks/StreamField';
import { image } from './fixtures';

const blocks: BodyBlock[] = [
  { id: '1', type: 'paragraph', value: '<p>Plain <strong>words</strong>.</p>' },
  { id: '2', type: 'heading', value: { text: 'What a surgeon does', level: 'h2' } },
  { id: '3', type: 'heading', value: { text: 'Biopsy', level: 'h3' } },
  { id: '4', type: 'image', value: { image: { ...image, alt: 'A clinic waiting room' }, caption: 'The waiting room' } },
  { id: '5', type: 'quote', value: { text: 'Ask questions.', attribution: 'A nurse' } },
  { id: '6', type: 'callout', value: { style: 'warning', title: 'Important', body: '<p>Call at once.</p>' } },
  { id: '7', type: 'faq', value: { question: 'Does it hurt?', answer: '<p>Rarely.</p>' } },
  {
    id: '8',
    type: 'table',
    value: { data: [['Role', 'Treats with'], ['Surgeon', 'Surgery']], first_row_is_table_header: true, table_caption: 'Roles' },
  },
  { id: '9', type: 'embed', value: 'https://www.youtube.com/watch?v=x' },
  { id: '11', type: 'embed', value: '' },
  { id: '10', type: 'unknown-future-block', value: 'x' } as unknown as BodyBlock,
];

describe('StreamField', () => {
  it('renders every block type with its own element', () => {
    const { container } = render(<StreamField blocks={blocks} />);
    expect(container.querySelector('.rich-text strong')?.textContent).toBe('words');
    expect(screen.getByRole('heading', { level: 2, name: 'What a surgeon does' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Biopsy' })).toBeTruthy();
    const img = screen.getByAltText('A clinic waiting room') as HTMLImageElement;
    expect(img.getAttribute('width')).toBe('800');
    expect(img.getAttribute('height')).toBe('450');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(container.querySelectorAll('picture source')[0].getAttribute('type')).toBe('image/avif');
    expect(container.querySelector('figcaption')?.textContent).toBe('The waiting room');
    expect(container.querySelector('blockquote')?.textContent).toBe('Ask questions.');
    expect(container.querySelector('.callout-warning')?.textContent).toContain('Call at once.');
    expect(container.querySelector('details summary')?.textContent).toBe('Does it hurt?');
    expect(screen.getByRole('columnheader', { name: 'Role' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Surgery' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'https://www.youtube.com/watch?v=x' }).getAttribute('href')).toContain('youtube.com');
    expect(container.querySelectorAll('.embed')).toHaveLength(1);
  });

  it('skips a block type it does not know instead of failing', () => {
    const { container } = render(<StreamField blocks={[blocks[10]]} />);
    expect(container.querySelector('.body')?.children.length).toBe(0);
  });
});
