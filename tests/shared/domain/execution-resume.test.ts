import { describe, expect, it } from 'vitest';
import {
  EXECUTION_TRIGGERS,
  resumesAfterCrash,
  type ExecutionTrigger,
} from '../../../shared/domain/execution';

describe('resumesAfterCrash: which runs cut off by a crash start again at the next start-up', () => {
  const cases: { trigger: ExecutionTrigger; active: boolean | null; resumes: boolean }[] = [
    { trigger: 'scheduled', active: true, resumes: true },
    { trigger: 'catch_up', active: true, resumes: true },
    { trigger: 'immediate', active: true, resumes: true },
    { trigger: 'manual', active: true, resumes: true },
    { trigger: 'bulk', active: true, resumes: true },
    { trigger: 'backfill', active: true, resumes: true },
    { trigger: 'scheduled', active: false, resumes: false },
    { trigger: 'catch_up', active: false, resumes: false },
    { trigger: 'immediate', active: false, resumes: true },
    { trigger: 'manual', active: false, resumes: true },
    { trigger: 'bulk', active: false, resumes: true },
    { trigger: 'backfill', active: false, resumes: true },
    ...EXECUTION_TRIGGERS.map((trigger) => ({ trigger, active: null, resumes: false })),
  ];
  it.each(cases)('$trigger on a schedule active=$active → $resumes', ({ trigger, active, resumes }) => {
    expect(resumesAfterCrash(trigger, active === null ? null : { isActive: active })).toBe(resumes);
  });
});
