/** Starts a browser download of a URL (browser mode's one-time export URL); the file streams from the
 *  server straight to disk, never through the page's memory. */
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
