/**
 * A text with the parts a search matched marked (<mark>, styled by the stylesheet: the CSP allows no inline
 * styles). The text is rendered as text, never as HTML.
 */
import { Fragment, useMemo } from 'react';
import { highlightParts } from '../../domain/search-highlight';

interface HighlightedProps {
  text: string;
  /** The folded query words (SearchHits.words). */
  words: readonly string[];
}

export function Highlighted({ text, words }: HighlightedProps) {
  const parts = useMemo(() => highlightParts(text, words), [text, words]);
  return (
    <>
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>))}
    </>
  );
}
