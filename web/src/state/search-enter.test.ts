import { describe, expect, it } from 'vitest';
import { answerEnter, type SearchResults } from './search-enter.ts';

const done = (text: string, hits: string[]): SearchResults<string> => ({
  status: 'done',
  text,
  hits,
});

describe('answerEnter', () => {
  it('when the hits shown are for the text typed / chooses the active one', () => {
    expect(answerEnter('europol', done('europol', ['Europol', 'Eurojust']), 1)).toEqual({
      action: 'choose',
      hit: 'Eurojust',
    });
  });

  it('when the hits have not arrived / waits for them', () => {
    expect(answerEnter('europol', { status: 'idle' }, 0)).toEqual({ action: 'wait' });
    expect(answerEnter('europol', { status: 'loading' }, 0)).toEqual({ action: 'wait' });
  });

  it('when the hits shown are for an earlier text / waits for the ones typed', () => {
    expect(answerEnter('europol', done('euro', ['Eurojust', 'Europol']), 0)).toEqual({
      action: 'wait',
    });
  });

  it('when the hits arrive after Enter / chooses the first', () => {
    expect(answerEnter('europol', done('europol', ['Europol']), 0)).toEqual({
      action: 'choose',
      hit: 'Europol',
    });
  });

  it('when the active hit is past the hits that arrived / chooses the first', () => {
    expect(answerEnter('europol', done('europol', ['Europol']), 3)).toEqual({
      action: 'choose',
      hit: 'Europol',
    });
  });

  it('when nothing matched / says so for the text typed', () => {
    expect(answerEnter('qwzx', done('qwzx', []), 0)).toEqual({
      action: 'nothing-matched',
      text: 'qwzx',
    });
  });

  it('when the text is too short or the search failed / does nothing', () => {
    expect(answerEnter('e', { status: 'idle' }, 0)).toEqual({ action: 'ignore' });
    expect(answerEnter('europol', { status: 'error', message: 'down' }, 0)).toEqual({
      action: 'ignore',
    });
  });
});
