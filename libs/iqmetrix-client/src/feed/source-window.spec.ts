import { SourceWindow } from './source-window';

function windowOf(...chunks: string[]): SourceWindow {
  const window = new SourceWindow();
  chunks.forEach((chunk) => window.append(chunk));
  return window;
}

describe('SourceWindow', () => {
  it('slices within one chunk and across several', () => {
    // Given three chunks of a page
    const window = windowOf('<feed><en', 'try>x</entry', '></feed>');
    // When ranges are cut out
    // Then they match the same range of the joined text
    const text = '<feed><entry>x</entry></feed>';
    expect(window.slice(6, 22)).toBe(text.slice(6, 22));
    expect(window.slice(0, 3)).toBe('<fe');
    expect(window.slice(10, 12)).toBe('ry');
    expect(window.end).toBe(text.length);
  });

  it('forgets whole chunks before an offset but keeps the chunk holding it', () => {
    // Given three chunks
    const window = windowOf('aaaa', 'bbbb', 'cccc');
    // When everything before offset 5 is discarded
    window.discardBefore(5);
    // Then offsets from the second chunk on are still readable and earlier ones are not
    expect(window.slice(4, 10)).toBe('bbbbcc');
    expect(() => window.slice(2, 6)).toThrow(RangeError);
  });
});
