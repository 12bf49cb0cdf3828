/**
 * Issue 12 §1 on the issue 13 screens: their tables are the design system's (its table, head, row,
 * header and cell), and a caption meant for screen readers only is hidden with the design system's
 * class (a "visually-hidden" class the CSS does not have left it on screen).
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccessProfile } from '../../shared/access-profiles';
import type { Campaign } from '../../shared/access-reviews';
import { ProfilesScreen } from '../../renderer/screens/profiles/profiles-screen';
import { ReviewsScreen } from '../../renderer/screens/reviews/reviews-screen';
import { fakeMain } from './setup';

function expectDesignSystemTable(table: HTMLElement) {
  expect(table.className).toBe('nhsuk-table');
  expect(table.querySelector('caption')?.className).toMatch(/^nhsuk-(u-visually-hidden|table__caption)/);
  for (const cell of table.querySelectorAll('th, td'))
    expect(cell.className).toMatch(/^nhsuk-table__(header|cell)$/);
}

describe('tables on the access profiles and access reviews screens', () => {
  it('lists access profiles in the design system’s table', async () => {
    const profile: AccessProfile = {
      id: 'p1',
      position: { jobRole: 'Community Psychiatric Nurse', team: null, directorate: null, organisation: null },
      accounts: [{ systemId: 'rio', systemName: 'RiO', role: 'Clinician', purposeKind: 'direct-care' }],
      updatedAt: '2026-11-23T09:00:00.000Z',
    };
    fakeMain.answer('profiles:list', [profile]);
    render(<ProfilesScreen />);
    await screen.findByText('Community Psychiatric Nurse');
    expectDesignSystemTable(screen.getByRole('table', { name: 'Access profiles' }));
  });

  it('shows a review’s progress per line manager in the design system’s table', async () => {
    const campaign: Campaign = {
      id: 'c1',
      scope: 'the whole Trust',
      systemId: null,
      dueOn: '2026-12-14',
      state: 'open',
      startedAt: '2026-11-23T09:00:00.000Z',
      items: 2,
      answered: 1,
      overdue: false,
      managers: [
        {
          managerId: 'm1',
          managerName: 'Ngozi Okafor',
          items: 2,
          answered: 1,
          kept: 1,
          removed: 0,
          roleChanged: 0,
          escalated: 0,
        },
      ],
    };
    fakeMain.answer('reviews:status', [campaign]);
    fakeMain.answer('catalogue:list', []);
    render(<ReviewsScreen />);
    const table = await screen.findByRole('table', {
      name: 'Progress per line manager in the review of the whole Trust',
    });
    expectDesignSystemTable(table);
  });
});
