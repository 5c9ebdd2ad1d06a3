/** Letterboxd reviews as Markdown notes: the little HTML Letterboxd writes in a review becomes its Markdown. */

function emphasis(marker: string) {
  return (_match: string, _tag: string, inner: string): string => {
    const [, before = '', text = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner) ?? [];
    return text === '' ? inner : `${before}${marker}${text}${marker}${after}`;
  };
}

/**
 * Letterboxd writes reviews with a little HTML (<i>, <b>, <a href>, <blockquote>, <br>, <p>). Notes are Markdown
 * and show raw HTML as typed, so those few become their Markdown; everything else stays as written.
 */
export function markdownFromLetterboxdReview(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<p(?:\s[^>]*)?>/gi, '')
    .replace(/<\/p>\s*/gi, '\n\n')
    .replace(/<(i|em)>([\s\S]*?)<\/\1>/gi, emphasis('*'))
    .replace(/<(b|strong)>([\s\S]*?)<\/\1>/gi, emphasis('**'))
    .replace(/<a\s+href="([^"<>]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_match, href: string, label: string) =>
      `[${label}](${/^[^\s()]*$/.test(href) ? href : `<${href}>`})`)
    .replace(/<blockquote>([\s\S]*?)<\/blockquote>\s*/gi, (_match, quote: string) =>
      `${quote.trim().split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')}\n\n`)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
