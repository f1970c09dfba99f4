import { describe, expect, it } from 'vitest';
import { ONTOLOGY } from '../../../test/fixtures/api-answers.ts';
import { createStylesheet, FOCUSED_CLASS } from './styles.ts';

const sheet = createStylesheet(ONTOLOGY);
const styleOf = (selector: string) => {
  const block = sheet.find((b) => b.selector === selector);
  return block && 'style' in block ? (block.style as Record<string, unknown>) : undefined;
};

describe('createStylesheet', () => {
  it("gives each kind the ontology's colour and shape", () => {
    expect(styleOf('node[kind = "AGENCY"]')).toEqual({
      'background-color': '#56B4E9',
      shape: 'octagon',
    });
  });

  it('draws an arrow for directed types and none for symmetric ones', () => {
    expect(styleOf('edge[type = "FOUNDED"]')).toMatchObject({
      'line-color': '#117733',
      'target-arrow-shape': 'triangle',
    });
    expect(styleOf('edge[type = "COOPERATES_WITH"]')).toMatchObject({
      'target-arrow-shape': 'none',
    });
  });

  it('dashes alleged and proposed ties and fades ended and frozen ones', () => {
    expect(styleOf('edge[status = "ALLEGED"]')).toMatchObject({ 'line-style': 'dashed' });
    expect(styleOf('edge[status = "PROPOSED"]')).toMatchObject({ 'line-style': 'dashed' });
    expect(styleOf('edge[status = "FROZEN"]')?.opacity).toBeLessThan(1);
    expect(styleOf('edge[status = "ENDED"]')?.opacity).toBeLessThan(1);
  });

  it('sizes and colours entities by the measures over their kind’s look, when the data asks', () => {
    const selectors = sheet.map((block) => block.selector);
    const sized = selectors.indexOf('node[measureSize >= 0]');
    expect(sized).toBeGreaterThan(selectors.indexOf('node[kind = "AGENCY"]'));
    expect(styleOf('node[measureSize >= 0]')?.width).toMatch(/^mapData\(measureSize, 0, 1, /);
    expect(styleOf('node[communityColour != ""]')).toEqual({
      'background-color': 'data(communityColour)',
    });
  });

  it('hides labels when zoomed out', () => {
    expect(styleOf('node')?.['min-zoomed-font-size']).toBeGreaterThan(0);
    expect(styleOf('edge')?.['min-zoomed-font-size']).toBeGreaterThan(
      styleOf('edge')?.['font-size'] as number,
    );
  });

  it('marks what a comparison found: started, ended, changed status, each its own way', () => {
    const marks = ['edge.changed-started', 'edge.changed-ended', 'edge.changed-status'].map(
      (selector) => styleOf(selector)?.['underlay-color'],
    );
    expect(marks.every(Boolean)).toBe(true);
    expect(new Set(marks).size).toBe(3);
  });

  it('outlines the entity the arrow keys are on, apart from the border selection draws', () => {
    expect(styleOf(`node.${FOCUSED_CLASS}`)?.['outline-width']).toBeGreaterThan(0);
    expect(styleOf(`node.${FOCUSED_CLASS}`)).not.toHaveProperty('border-width');
  });

  it('draws a large canvas lean: straight lines without arrows or labels, but a hovered, selected or path line is labelled', () => {
    const large = createStylesheet(ONTOLOGY, { large: true });
    const last = (selector: string) =>
      large
        .filter((b) => b.selector === selector && 'style' in b)
        .map((b) => ('style' in b ? (b.style as Record<string, unknown>) : {}))
        .reduce((merged, style) => Object.assign(merged, style), {});
    expect(last('edge')).toMatchObject({
      'curve-style': 'haystack',
      'target-arrow-shape': 'none',
      label: '',
    });
    for (const state of ['edge.hover', 'edge:selected', 'edge.path'])
      expect(last(state).label).toBe('data(label)');
    expect(styleOf('edge')?.['curve-style']).toBe('bezier');
  });
});
