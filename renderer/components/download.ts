/**
 * Hands a file main prepared to the person: the browser's download (in Electron, the save dialog).
 * The bytes come as base64 because the contract carries JSON.
 */
export function downloadFile(file: { fileName: string; mimeType: string; base64: string }): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the object URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The same for a text file main prepared as a string (CSV, an email draft). */
export function downloadTextFile(file: { fileName: string; content: string; mimeType: string }): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
