import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/** Imported by every component test (which runs under `// @vitest-environment jsdom`): unmounts between tests. */
afterEach(() => cleanup());
