/**
 * Bulk completion where the same task repeats (issue 12 §5): after a month's leavers the EMIS
 * administrator disables twenty accounts, then marks them done together. Set-up tasks are never
 * bulk-completed: each records its own username and checks (REG-6). Each task is completed through
 * its own audited call, so the trail is the same as one by one.
 */
import type { Task } from '../../../shared/requests';
import { api } from '../../api/bridge';
import { ConfirmButton } from '../../components/nhs/confirm-button';
import { useAction } from '../../components/use-action';
import { ErrorAlert } from '../../components/feedback';

/** Tasks of the same kind on the same system, where there is more than one of them. */
export function repeatedGroups(tasks: Task[]): { key: string; label: string; tasks: Task[] }[] {
  const groups = new Map<string, Task[]>();
  for (const task of tasks) {
    if (task.action === 'create-account') continue;
    const key = `${task.systemId}|${task.action}`;
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  return [...groups.entries()]
    .filter(([, group]) => group.length > 1)
    .map(([key, group]) => ({
      key,
      label: `${group.length} ${group[0]!.action.replace(/-/g, ' ')} tasks on ${group[0]!.systemName}`,
      tasks: group,
    }));
}

export function BulkComplete({
  group,
  onDone,
}: {
  group: { label: string; tasks: Task[] };
  onDone: (message: string) => void;
}) {
  const { busy, error, run } = useAction();
  async function completeAll() {
    let done = 0;
    for (const task of group.tasks) {
      const result = await run(() => api.tasks.complete({ id: task.id }));
      if (!result) break;
      done += 1;
    }
    if (done > 0) onDone(`Done: ${done} of the ${group.label}.`);
  }
  return (
    <div>
      <ErrorAlert message={error} />
      <ConfirmButton
        label={`Mark all ${group.label} done`}
        question={`Mark all ${group.label} done?`}
        consequences={[
          ...group.tasks.map((t) => t.description),
          'Only confirm once each has been done in the system itself.',
        ]}
        confirmLabel={`Yes, mark ${group.tasks.length} tasks done`}
        warning={false}
        busy={busy}
        onConfirm={() => void completeAll()}
      />
    </div>
  );
}
