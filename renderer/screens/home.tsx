/** Home: who is signed in, and where they can go. The work queue arrives with the lifecycle work. */
import type { SessionState } from '../../shared/model';
import { ROLE_LABELS } from '../../shared/permissions';
import { PageHeading } from '../components/page-heading';

type Active = Extract<SessionState, { state: 'active' }>;

export function HomeScreen({
  session,
  items,
}: {
  session: Active;
  items: { path: string; label: string }[];
}) {
  return (
    <>
      <PageHeading>Home</PageHeading>
      <p className="lead">
        Signed in as {session.operator.name}, {ROLE_LABELS[session.operator.role].toLowerCase()}. Gatehouse
        locks after {session.idleLockMinutes} minutes without activity.
      </p>
      <h2>Go to</h2>
      <ul className="link-list">
        {items.map((item) => (
          <li key={item.path}>
            <a href={`#${item.path}`}>{item.label}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
