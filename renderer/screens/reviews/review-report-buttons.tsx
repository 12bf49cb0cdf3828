/**
 * One access review's report (issue 13 §3), downloaded as CSV (with its audit anchor offered beside
 * it, as on the Reports screen) or as an A4 PDF. The export is audited, so it cannot be cancelled.
 */
import { useState } from 'react';
import { count } from '../../../shared/plural';
import { api } from '../../api/bridge';
import { downloadFile } from '../../components/download';
import { AnchorDownload, type AnchorFile, anchorFileFor } from '../../components/report-anchor';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { useAction } from '../../components/use-action';

export function ReviewReportButtons({ campaignId }: { campaignId: string }) {
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [anchor, setAnchor] = useState<AnchorFile | null>(null);
  const { busy, error, run } = useAction();

  async function download(format: 'csv' | 'pdf') {
    setDownloaded(null);
    setAnchor(null);
    const file = await run(() => api.reviews.report({ campaignId, format }));
    if (!file) return;
    downloadFile(file);
    if (format === 'csv') setAnchor(anchorFileFor(file));
    setDownloaded(
      `Downloaded ${file.fileName} (${count(file.rows, 'row')}). The export is recorded in the audit trail.`,
    );
  }

  return (
    <div>
      <ErrorAlert message={error} />
      <div className="button-row">
        {(['csv', 'pdf'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={busy}
            onClick={() => void download(format)}
          >
            Download report ({format.toUpperCase()})
          </button>
        ))}
      </div>
      {downloaded ? <StatusMessage>{downloaded}</StatusMessage> : null}
      <AnchorDownload anchor={anchor} />
    </div>
  );
}
