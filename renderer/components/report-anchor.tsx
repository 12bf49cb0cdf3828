/**
 * A CSV report's audit anchor (issue 10 §2), offered beside it as NAME.anchor.json so the CSV itself
 * stays clean for Excel: the monthly reports and an access review's report offer it the same way.
 */
import { anchorFileName } from '../../shared/reports';
import { downloadFile } from './download';

export interface AnchorFile {
  fileName: string;
  json: string;
}

export function anchorFileFor(file: { fileName: string; anchor: unknown }): AnchorFile {
  return {
    fileName: anchorFileName(file.fileName),
    json: `${JSON.stringify(file.anchor, null, 2)}\n`,
  };
}

export function AnchorDownload({ anchor }: { anchor: AnchorFile | null }) {
  if (!anchor) return null;
  return (
    <p>
      Keep the report’s audit anchor with it: it proves what the audit trail held when the report was made.{' '}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() =>
          downloadFile({ fileName: anchor.fileName, mimeType: 'application/json', base64: btoa(anchor.json) })
        }
      >
        Download audit anchor
      </button>
    </p>
  );
}
