import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TrendArrow } from './TrendArrow';
import { peakIndex } from './TimeChart';

describe('TrendArrow', () => {
  it('shows a steady count as ±0, never a play-button triangle', () => {
    render(<TrendArrow trend={0} />);
    const el = screen.getByLabelText('steady over 10 minutes');
    expect(el.textContent).toBe('±0');
    expect(document.body.textContent).not.toContain('▶');
  });

  it('shows rises and falls with their size', () => {
    render(<TrendArrow trend={-4} />);
    expect(screen.getByLabelText('down 4 in 10 minutes').textContent).toBe('▼ 4');
  });
});

describe('peakIndex', () => {
  it('finds the first highest point, none when nothing is above zero', () => {
    expect(peakIndex([3, 9, 2, 9])).toBe(1);
    expect(peakIndex([0, null, 0])).toBe(-1);
    expect(peakIndex([])).toBe(-1);
  });
});
