/** Screens later work fills in; each says what it will hold, so nobody wonders whether it is broken. */
import { PageHeading } from '../components/page-heading';

export interface PlannedScreen {
  title: string;
  description: string;
}

export const PLANNED_SCREENS: Record<string, PlannedScreen> = {
  '/smartcard': {
    title: 'Smartcard',
    description:
      'The Registration Authority holder check: insert a card and the holder’s record, status and access appear.',
  },
};

export function ComingSoonScreen({ screen }: { screen: PlannedScreen }) {
  return (
    <>
      <PageHeading>{screen.title}</PageHeading>
      <p>{screen.description}</p>
      <p className="hint">This screen is not available in this version of Gatehouse yet.</p>
    </>
  );
}
