/**
 * Notes are Markdown. Raw HTML in a note is shown as the text the person typed (escaped, never parsed), and the
 * rendered result is sanitised by DOMPurify as a second wall: a note can format text, never run code or load
 * remote content.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const noteMarkdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // Images would be remote content; show the alt text and address as a link instead.
    image: ({ href, text }) => `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`,
  },
});

const SAFE_LINK = /^(?:https?:|mailto:)/i;

let hooksInstalled = false;
function installLinkHook(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    if (!SAFE_LINK.test(href)) {
      node.removeAttribute('href');
      return;
    }
    // Links leave Cinefile: the shell opens https links in the person's browser.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
}

/** Renders a note's Markdown to sanitised HTML. */
export function renderNoteMarkdown(markdown: string): string {
  installLinkHook();
  const html = noteMarkdown.parse(markdown, { async: false });
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ['img', 'style', 'iframe', 'form', 'input', 'video', 'audio', 'svg', 'math'],
    FORBID_ATTR: ['style'],
  });
}
