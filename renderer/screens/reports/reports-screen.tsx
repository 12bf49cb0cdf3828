/**
 * Reports (REP-1, REP-2): choose a report and a month, read it on screen, and download it as CSV
 * (opens in Excel) or as an A4 PDF. Preparing a report changes nothing, so it can be cancelled.
 */
import { useState } from 'react';
import { londonDate } from '../../../shared/policy/working-days';
import {
  monthLabel,
  REPORT_NAMES,
  REPORT_TITLES,
  type ReportName,
  type ReportTable,
  twelveMonthsTo,
} from '../../../shared/reports';
import { api } from '../../api/bridge';
import { downloadFile } from '../../components/download';
import { AnchorDownload, type AnchorFile, anchorFileFor } from '../../components/report-anchor';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { useAction } from '../../components/use-action';
import { WorkInProgress } from '../../components/work-in-progress';
import { ReportView } from './report-view';
import { count } from '../../../shared/plural';

const SCREEN_ROWS = 500;

export function ReportsScreen() {
  const thisMonth = londonDate(new Date()).slice(0, 7);
  const months = [...twelveMonthsTo(thisMonth)].reverse();
  const [name, setName] = useState<ReportName>('inactive-users');
  const [month, setMonth] = useState(thisMonth);
  const [report, setReport] = useState<ReportTable | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  /** A CSV's audit anchor, offered as NAME.anchor.json so the CSV itself stays clean for Excel. */
  const [anchor, setAnchor] = useState<AnchorFile | null>(null);
  const [exporting, setExporting] = useState(false);
  const { busy, error, run, cancel } = useAction();

  async function show() {
    setDownloaded(null);
    const result = await run(() => api.reports.run({ name, month, limit: SCREEN_ROWS }));
    if (result) setReport(result);
  }

  async function download(format: 'csv' | 'pdf') {
    setDownloaded(null);
    setAnchor(null);
    setExporting(true);
    const file = await run(() => api.reports.export({ name, month, format }));
    setExporting(false);
    if (!file) return;
    downloadFile(file);
    if (format === 'csv') {
      setAnchor(anchorFileFor(file));
    }
    setDownloaded(
      `Downloaded ${file.fileName} (${count(file.rows, 'row')}). The export is recorded in the audit trail.`,
    );
  }

  return (
    <>
      <PageHeading>Reports</PageHeading>
      <p>
        The monthly review of inactive users with line managers (REP-1) and the regular reports on accounts,
        requests against the registration target, leavers, suspensions and licences (REP-2).
      </p>
      <div className="filters">
        <SelectField
          label="Report"
          value={name}
          options={REPORT_NAMES.map((n) => [n, REPORT_TITLES[n]] as const)}
          onChange={(value) => {
            setName(value);
            setReport(null);
          }}
        />
        <SelectField
          label="Month"
          value={month}
          options={months.map((m) => [m, monthLabel(m)] as const)}
          onChange={(value) => {
            setMonth(value);
            setReport(null);
          }}
        />
        <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void show()}>
          Show report
        </button>
      </div>
      <ErrorAlert message={error} />
      {/* Showing a report changes nothing, so it can be abandoned; an export is audited, so it cannot. */}
      {busy ? (
        <WorkInProgress
          label={exporting ? 'Writing the file…' : 'Preparing the report…'}
          onCancel={exporting ? undefined : cancel}
        />
      ) : null}
      {downloaded ? <StatusMessage>{downloaded}</StatusMessage> : null}
      <AnchorDownload anchor={anchor} />
      {report ? (
        <>
          <div className="button-row">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              disabled={busy}
              onClick={() => void download('csv')}
            >
              Download CSV
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              disabled={busy}
              onClick={() => void download('pdf')}
            >
              Download PDF
            </button>
          </div>
          <ReportView report={report} />
        </>
      ) : null}
    </>
  );
}
