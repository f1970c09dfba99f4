import MarkdownIt from 'markdown-it';

/**
 * Captions are Markdown written by editors and read by anyone, so they are rendered with raw HTML
 * off (it shows as text) and markdown-it's own link check (no `javascript:`, `vbscript:`,
 * `file:` or `data:` links). Images are off too: a story must not load anything from elsewhere,
 * and its HTML export works offline. Links open in a new tab without handing it this page.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true }).disable('image');

const renderLink =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]?.attrSet('target', '_blank');
  tokens[index]?.attrSet('rel', 'noopener noreferrer');
  return renderLink(tokens, index, options, env, self);
};

/** A caption as HTML that is safe to put in the page. */
export function captionHtml(caption: string): string {
  return markdown.render(caption);
}
