/** Import England and Wales bank holidays from GOV.UK's bank-holidays.json (REG-7). */
import { useId, useState } from 'react';
import { api } from '../../api/bridge';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { useAction } from '../../components/use-action';
import { count } from '../../../shared/plural';

export function BankHolidaysImport() {
  const id = useId();
  const [result, setResult] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  async function choose(file: File | undefined) {
    if (!file) return;
    setResult(null);
    const imported = await run(async () =>
      api.catalogue.importBankHolidays({ fileName: file.name, content: await file.text() }),
    );
    if (imported)
      setResult(
        `${count(imported.added, 'new bank holiday')} imported; ${imported.total} known, the latest ${imported.latest}.`,
      );
  }
  return (
    <section aria-labelledby="holidays-heading" className="action-form">
      <h2 id="holidays-heading">Bank holidays</h2>
      <p>
        Working days skip weekends and England and Wales bank holidays (2020 to 2027 are built in). Import the
        file GOV.UK publishes at gov.uk/bank-holidays.json to add later years.
      </p>
      <ErrorAlert message={error} />
      {result ? <StatusMessage>{result}</StatusMessage> : null}
      <label htmlFor={id}>GOV.UK bank holidays file</label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
    </section>
  );
}
