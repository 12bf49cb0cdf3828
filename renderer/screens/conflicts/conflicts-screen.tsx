/**
 * Conflicts (issue 11 §2): changes made on this workstation that the Trust register refused, or that
 * met a colleague's change to the same record first. None is applied silently or lost: each waits
 * here for a person to discard it, apply it anyway or link it to the existing record. The list is
 * read again whenever a sync changes the count; after a decision the answer is the new list.
 */
import { useEffect, useState } from 'react';
import type { ConflictChoice, SyncConflict } from '../../../shared/contract/sync';
import { count } from '../../../shared/plural';
import { api } from '../../api/bridge';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useSyncStore } from '../../state/sync-store';
import { ConflictCard } from './conflict-card';

export function ConflictsScreen() {
  const waiting = useSyncStore((s) => s.status?.conflicts ?? 0);
  const setStatus = useSyncStore((s) => s.setStatus);
  const [conflicts, setConflicts] = useState<SyncConflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<{ id: number; choice: ConflictChoice } | null>(null);

  useEffect(() => {
    let current = true;
    void api.sync.conflicts({}).then((result) => {
      if (!current) return;
      if (result.ok) setConflicts(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [waiting]);

  function decided(list: SyncConflict[], text: string) {
    setConflicts(list);
    setOpen(null);
    setMessage(text);
    // The banner, the navigation and Home count what is left.
    void api.sync.status({}).then((result) => result.ok && setStatus(result.value));
  }

  return (
    <>
      <PageHeading>Conflicts</PageHeading>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ErrorAlert message={error} />
      <p>
        Changes made on this workstation that the Trust register did not take: it refused them, or a colleague
        changed the same record first. None is applied or lost until someone decides.
      </p>
      {conflicts === null ? null : conflicts.length === 0 ? (
        <p>No change is waiting for a decision.</p>
      ) : (
        <>
          <p>{count(conflicts.length, 'change')} waiting for a decision, oldest first.</p>
          {conflicts.map((conflict) => (
            <ConflictCard
              key={conflict.id}
              conflict={conflict}
              open={open?.id === conflict.id ? open.choice : null}
              onOpen={(choice) => {
                setMessage(null);
                setOpen({ id: conflict.id, choice });
              }}
              onDone={decided}
              onCancel={() => setOpen(null)}
            />
          ))}
        </>
      )}
    </>
  );
}
