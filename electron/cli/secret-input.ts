import { ChartSyncError } from '../../shared/errors';

type SecretSource = NodeJS.ReadStream & { setRawMode?: (mode: boolean) => unknown };

const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u007f', '\b']);

/**
 * A secret (API key, client secret) is never an argument, where `ps` and the shell history would show it: it
 * is read whole from stdin (`--api-key-stdin`, for scripts), or typed at a prompt that echoes nothing.
 */
export async function readSecret(what: string, fromStdin: boolean, stdinFlag: string): Promise<string> {
  const stdin = process.stdin as SecretSource;
  if (fromStdin) {
    const text = await readAll(stdin);
    return text.replace(/\r?\n$/, '');
  }
  if (!stdin.isTTY || !stdin.setRawMode) {
    throw new ChartSyncError(
      'invalid_input',
      `No terminal to type the ${what} in: pipe it with ${stdinFlag} (it is never taken as an argument, where other users of this machine could see it).`,
    );
  }
  return promptHidden(stdin, `Soundcharts ${what} (not shown): `);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

function promptHidden(stdin: SecretSource, prompt: string): Promise<string> {
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (result: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      process.stderr.write('\n');
      result();
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (ENTER.has(char) || char === CTRL_D) return finish(() => resolve(value));
        if (char === CTRL_C) {
          return finish(() => reject(new ChartSyncError('invalid_input', 'Cancelled: nothing was saved.')));
        }
        if (BACKSPACE.has(char)) value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.setRawMode?.(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}
