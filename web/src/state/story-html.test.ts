import { describe, expect, it } from 'vitest';
import { ONTOLOGY, SUBGRAPH } from '../../../test/fixtures/api-answers.ts';
import type { Story } from '../api/stories.ts';
import { storyHtml, storyPage } from './story-html.ts';

const STORY: Story = {
  id: 'freeze',
  title: 'The <freeze>',
  summary: 'Kaspersky & Europol',
  dataset: 'curation',
  version: 'v1',
  steps: [
    {
      title: 'Cooperation',
      caption: 'They *cooperate*. <script>alert(1)</script>',
      asOf: '2019-01',
      entities: ['kaspersky-lab', 'europol'],
      positions: [{ entity: 'kaspersky-lab', x: 0, y: 0 }],
      highlight: ['europol-cooperates-with-kaspersky-lab'],
      selected: 'europol-cooperates-with-kaspersky-lab',
      evidence: [
        {
          quote: 'Kaspersky Lab',
          source: {
            id: 's1',
            title: 'ITProPortal',
            url: 'https://example.com/a',
            published: '2018-06',
          },
        },
      ],
    },
    {
      title: 'Gone',
      caption: null,
      asOf: null,
      entities: ['no-such-entity'],
      positions: [],
      highlight: [],
      selected: null,
      evidence: [],
    },
  ],
};

const read = async (ids: string[]) => ({
  ...SUBGRAPH,
  nodes: SUBGRAPH.nodes.filter((node) => ids.includes(node.id)),
  edges: SUBGRAPH.edges.filter((edge) => ids.includes(edge.from.id) && ids.includes(edge.to.id)),
});

describe("a story's HTML", () => {
  it('holds every step with its picture, caption and evidence, the first one shown', async () => {
    const html = storyHtml(
      await storyPage(STORY, read, 'http://127.0.0.1/#story=freeze'),
      ONTOLOGY,
    );
    expect(html).toContain('<title>The &lt;freeze&gt;</title>');
    expect(html.match(/<section class="step"/g)).toHaveLength(2);
    expect(html).toContain('<section class="step" id="step-1">');
    expect(html).toContain('<section class="step" id="step-2" hidden>');
    expect(html).toContain('<em>cooperate</em>');
    expect(html).not.toContain('<script>alert');
    expect(html).toMatch(/<g class="node on" data-id="kaspersky-lab">/);
    expect(html).toMatch(/<g class="edge on" data-id="europol-cooperates-with-kaspersky-lab">/);
    expect(html).toContain('<blockquote>Kaspersky Lab</blockquote>');
    expect(html).toContain('No longer in the graph: no-such-entity');
  });

  it('loads nothing from anywhere: no external script, style, image or font', async () => {
    const html = storyHtml(await storyPage(STORY, read, 'http://127.0.0.1/'), ONTOLOGY);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/);
    expect(html).not.toMatch(/url\((?!#)/);
  });
});
