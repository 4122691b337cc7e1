/** The text trend of `/client show` scales to the range it shows: a 22-point fall is seen, a steady client looks steady. */
import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/slack/blocks/clients.js';

const weeks = (...scores: (number | null)[]) => scores.map((s) => ({ score: s ?? 0, known: s !== null }));

describe('the trend sparkline', () => {
  it('draws a 22-point fall from the top bar to the bottom one', () => {
    expect(sparkline(weeks(86, 86, 85, 85, 84, 80, 70, 64))).toBe('████▇▆▃▁');
  });

  it('draws a steady client in the middle, and a two-point wobble within two neighbouring bars', () => {
    expect(sparkline(weeks(86, 86, 86, 86))).toBe('▅▅▅▅');
    expect(sparkline(weeks(85, 86, 87, 86))).toBe('▄▅▅▅');
  });

  it('shows weeks with nothing observed as dots', () => {
    expect(sparkline(weeks(null, null, 40, 60))).toBe('··▁█');
  });
});
