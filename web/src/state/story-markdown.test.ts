import { describe, expect, it } from 'vitest';
import { captionHtml } from './story-markdown.ts';

describe('a caption', () => {
  it('renders Markdown: emphasis, quotes, lists and links that open in a new tab', () => {
    const html = captionHtml(
      'Kaspersky *froze* its work.\n\n> until the motion is withdrawn\n\n- one\n- two\n\n[Europol](https://www.europol.europa.eu/)',
    );
    expect(html).toContain('<em>froze</em>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain(
      '<a href="https://www.europol.europa.eu/" target="_blank" rel="noopener noreferrer">Europol</a>',
    );
  });

  it('shows raw HTML as text, so a caption cannot run a script', () => {
    const html = captionHtml('<script>alert(1)</script> <img src=x onerror="alert(2)">');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('makes no link of a javascript: or data: URL, and loads no image', () => {
    const html = captionHtml(
      '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) ![pixel](https://example.com/p.png)',
    );
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).not.toContain('<img');
  });
});
