/**
 * Export… menus: keyboard use (first format focused, arrows move, Escape closes back onto the button), and a
 * chosen format saved through the platform with the document's file name and text.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ExportDocument } from '../../renderer/src/domain/exchange/export-model';
import { newFilmRecord } from '../../renderer/src/domain/film';
import { bareFilmFields } from '../../renderer/src/domain/exchange/import-plan';
import { renderInApp } from './render';

const saveFile = vi.hoisted(() => vi.fn((_request: { suggestedName: string; data: string }) => Promise.resolve({ savedTo: '/home/ann/Best.csv' })));
vi.mock('../../renderer/src/platform', () => ({ platform: { kind: 'browser', saveFile, savePdf: vi.fn(), onMenuCommand: () => () => undefined } }));
const { ExportMenu } = await import('../../renderer/src/ui/exchange/ExportMenu');

const film = newFilmRecord(bareFilmFields('=HYPERLINK("http://x","y")', 1993), { rating: 9 }, 'f1', new Date('2026-11-29T12:00:00Z'));
const document: ExportDocument = {
  kind: 'list', title: 'Best of 1993', description: '', ranked: true, exportedAt: '2026-11-29T12:00:00.000Z',
  rows: [{ rank: 1, film, note: '', viewing: null, seen: false, poster: null }],
};
const build = () => Promise.resolve({ document, posters: new Map() });

describe('ExportMenu', () => {
  it('opens on the first format, moves with the arrow keys and closes with Escape back on its button', async () => {
    const user = userEvent.setup();
    renderInApp(<ExportMenu what="the list “Best of 1993”" document={build} />);
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect(screen.getByRole('menuitem', { name: 'CSV (spreadsheet)' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Markdown' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'PDF' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export…' })).toHaveFocus();
  });

  it('saves the chosen format under the document’s name, formulas neutralised, and says where', async () => {
    const user = userEvent.setup();
    renderInApp(<ExportMenu what="the list “Best of 1993”" document={build} />);
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByRole('menuitem', { name: 'CSV (spreadsheet)' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const request = saveFile.mock.calls[0]![0];
    expect(request.suggestedName).toBe('Best of 1993.csv');
    expect(request.data).toContain(`1,"'=HYPERLINK(""http://x"",""y"")",1993,`);
    expect(await screen.findByText('Exported the list “Best of 1993” to “/home/ann/Best.csv”.')).toBeInTheDocument();
  });
});
