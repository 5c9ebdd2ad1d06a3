import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { HalfStars } from '../../renderer/src/domain/rating';
import { RatingControl } from '../../renderer/src/ui/common/RatingControl';

function Harness({ initial = null, onChange }: { initial?: HalfStars | null; onChange?: (v: HalfStars | null) => void }) {
  const [value, setValue] = useState<HalfStars | null>(initial);
  return (
    <RatingControl
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
    />
  );
}

describe('RatingControl', () => {
  it('is a radiogroup named Rating with ten options from 0.5 to 5 stars', () => {
    render(<Harness />);
    const group = screen.getByRole('radiogroup', { name: 'Rating' });
    const names = Array.from(group.querySelectorAll('input')).map((input) => input.getAttribute('aria-label'));
    expect(names).toEqual(['0.5 stars', '1 star', '1.5 stars', '2 stars', '2.5 stars', '3 stars', '3.5 stars', '4 stars', '4.5 stars', '5 stars']);
    expect(screen.getByText('Not rated')).toBeInTheDocument();
  });

  it('rates with a click and shows the choice', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await userEvent.click(screen.getByRole('radio', { name: '4.5 stars' }));
    expect(onChange).toHaveBeenLastCalledWith(9);
    expect(screen.getByRole('radio', { name: '4.5 stars' })).toBeChecked();
  });

  it('moves by half stars with the arrow keys and clears with Delete', async () => {
    const onChange = vi.fn();
    render(<Harness initial={6} onChange={onChange} />);
    screen.getByRole('radio', { name: '3 stars' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(onChange).toHaveBeenLastCalledWith(7);
    await userEvent.keyboard('{Delete}');
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(screen.getByText('Not rated')).toBeInTheDocument();
  });

  it('offers a Clear rating button only when rated', async () => {
    render(<Harness initial={3} />);
    await userEvent.click(screen.getByRole('button', { name: 'Clear rating' }));
    expect(screen.queryByRole('button', { name: 'Clear rating' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('radio').filter((radio) => (radio as HTMLInputElement).checked)).toHaveLength(0);
  });
});
