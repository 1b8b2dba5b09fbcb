/** A section (h2) or sub-section (h3) heading. */
export function HeadingBlock({ text, level }: { text: string; level: 'h2' | 'h3' }) {
  return level === 'h3' ? <h3>{text}</h3> : <h2>{text}</h2>;
}
