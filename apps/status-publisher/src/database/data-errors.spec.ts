import { isDataError } from './data-errors';

describe('isDataError', () => {
  it.each([
    [{ code: '22P05' }, true],
    [{ code: '23514' }, true],
    [{ code: '40P01' }, false],
    [{ code: '57P01' }, false],
    [{ code: 'ECONNREFUSED' }, false],
    [new Error('no code'), false],
    [null, false],
  ])('says %j is a data error: %p', (error, expected) => {
    // Given an error from pg or the network / When classified / Then only value-caused SQLSTATEs count
    expect(isDataError(error)).toBe(expected);
  });
});
