/**
 * `chart-sync songs | head`: once the reader has gone, writes fail with EPIPE. Node would throw that as an
 * unhandled 'error' event (a stack trace, exit 1, and a sync cut off mid-period); a command line tool stays quiet
 * instead and finishes its work, its output going nowhere, as the reader asked.
 */
export function ignoreClosedOutput(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // EOF: a closed pipe as Windows reports it.
    if (error.code === 'EPIPE' || error.code === 'EOF' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}
