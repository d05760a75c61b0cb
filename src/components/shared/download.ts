/**
 * Saves text as a file the user downloads: UTF-8 with a byte-order mark and CRLF line ends,
 * so Windows Notepad shows Chinese correctly. No server: a Blob URL, revoked after the click.
 */
export function downloadText(filename: string, text: string): void {
  const body = `\uFEFF${text.replace(/\r?\n/g, '\r\n')}`;
  const url = URL.createObjectURL(new Blob([body], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // the download has started from the URL by now; give slow browsers a moment before revoking it
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
