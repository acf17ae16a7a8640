import {
  formatTrackingInfo,
  parseTrackingNumbers,
  trackingNumberProblem,
  unionTrackingNumbers,
} from './tracking-numbers';
import { InvalidTrackingNumberError } from './tracking.errors';

describe('parseTrackingNumbers', () => {
  it.each([
    ['1Z863YY60392796356,1Z863YY60393998', ['1Z863YY60392796356', '1Z863YY60393998']],
    [' 8979876 , 9876074-sHIOR ', ['8979876', '9876074-sHIOR']],
    ['A,,B,', ['A', 'B']],
    ['0012', ['0012']],
    ['', []],
    [' , ', []],
    [null, []],
    [undefined, []],
  ])('reads %j as %j', (text, expected) => {
    // Given a TrackingInfo text as iQmetrix writes it
    // When it is split into numbers
    const numbers = parseTrackingNumbers(text);
    // Then the numbers are trimmed, blanks dropped and leading zeros and letter case kept
    expect(numbers).toEqual(expected);
  });
});

describe('unionTrackingNumbers', () => {
  it('keeps the known numbers first and appends new ones in order', () => {
    // Given two known numbers and two new ones
    // When they are united
    const union = unionTrackingNumbers(['T1', 'T2'], ['T3', 'T4']);
    // Then the known numbers keep their places and the new ones follow in their order
    expect(union).toEqual(['T1', 'T2', 'T3', 'T4']);
  });

  it('adds each number once, at its first appearance', () => {
    // Given new numbers that repeat a known one and each other
    // When they are united
    const union = unionTrackingNumbers(['T1', 'T2'], ['T2', 'T3', 'T1', 'T3']);
    // Then no number appears twice
    expect(union).toEqual(['T1', 'T2', 'T3']);
  });

  it('compares numbers exactly after trimming spaces', () => {
    // Given numbers that differ only in spaces, and numbers that differ in letter case
    // When they are united
    const union = unionTrackingNumbers([' T1'], ['T1 ', 't1']);
    // Then spaces do not make a new number but letter case does
    expect(union).toEqual(['T1', 't1']);
  });

  it('drops blank numbers', () => {
    // Given an empty known list and blank new numbers
    // When they are united
    const union = unionTrackingNumbers([], ['', '   ', 'T1']);
    // Then only the real number remains
    expect(union).toEqual(['T1']);
  });

  it('returns an empty list when nothing is known or added', () => {
    // Given no numbers at all
    // When they are united
    // Then the union is empty
    expect(unionTrackingNumbers([], [])).toEqual([]);
  });

  it('refuses a number with a comma, which would become two numbers in TrackingInfo', () => {
    // Given a new number that smuggles a comma
    // When it is united with the known numbers
    const unite = (): string[] => unionTrackingNumbers(['T1'], ['T2,T3']);
    // Then a typed TRACKING.INVALID error is thrown
    expect(unite).toThrow(InvalidTrackingNumberError);
    expect(unite).toThrow('tracking number "T2,T3" contains a comma');
  });
});

describe('formatTrackingInfo', () => {
  it('joins numbers with commas and no spaces', () => {
    // Given three numbers, one padded with spaces
    // When they are formatted for a PUT
    const text = formatTrackingInfo(['1Z863YY60392796356', ' 1Z863YY60393998', 'T3']);
    // Then the text is comma-separated without spaces
    expect(text).toBe('1Z863YY60392796356,1Z863YY60393998,T3');
  });

  it('round-trips through parseTrackingNumbers', () => {
    // Given numbers formatted for a PUT
    const numbers = ['A1', 'B2', '0003'];
    // When the text is parsed again
    const parsed = parseTrackingNumbers(formatTrackingInfo(numbers));
    // Then the same numbers come back
    expect(parsed).toEqual(numbers);
  });

  it('refuses a number with a comma', () => {
    // Given a number with a comma inside
    // When it is formatted
    // Then TRACKING.INVALID is thrown
    expect(() => formatTrackingInfo(['A,B'])).toThrow(expect.objectContaining({ code: 'TRACKING.INVALID' }));
  });
});

describe('trackingNumberProblem', () => {
  it.each([
    ['T1', undefined],
    ['', undefined],
    ['T1,T2', 'tracking number "T1,T2" contains a comma'],
    [42, 'tracking number 42 is not a string'],
    [null, 'tracking number null is not a string'],
  ])('for %j says %j', (value, expected) => {
    // Given a value a command offers as a tracking number
    // When it is checked
    const problem = trackingNumberProblem(value);
    // Then only a non-string or a comma is a problem
    expect(problem).toBe(expected);
  });
});
