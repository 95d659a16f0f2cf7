import { describe, expect, it } from 'vitest';
import {
  EMPTY_EXPORT_FORM,
  engineProblems,
  exportInput,
  fieldOf,
  formFromPreset,
  formProblems,
  takesBom,
  type ExportForm,
} from '../../../renderer/src/screens/exports/export-form';

const form = (patch: Partial<ExportForm>): ExportForm => ({ ...EMPTY_EXPORT_FORM, ...patch });

describe('exportInput', () => {
  it('sends the filters of a table dataset, and the BOM only for CSV and TSV', () => {
    expect(
      exportInput(
        form({ charts: ['global-28'], from: '2026-11-01', to: '2026-11-30', sinceLast: true, bom: true }),
      ),
    ).toEqual({
      dataset: 'rankings',
      format: 'csv',
      charts: ['global-28'],
      from: '2026-11-01',
      to: '2026-11-30',
      sinceLast: true,
      bom: true,
    });
    expect(exportInput(form({ format: 'xlsx', bom: true })).bom).toBe(false);
    expect(exportInput(form({ format: 'tsv', bom: true })).bom).toBe(true);
  });

  it('sends a backup without a format or filters', () => {
    expect(exportInput(form({ dataset: 'backup', charts: ['x'], from: '2026-01-01', bom: true }))).toEqual({
      dataset: 'backup',
    });
  });

  it('sends the path only when the operator chose one, trimmed', () => {
    expect(exportInput(form({ out: '/tmp/a.csv' })).out).toBeUndefined();
    expect(exportInput(form({ destination: 'path', out: ' /tmp/a.csv ' })).out).toBe('/tmp/a.csv');
  });

  it('starts from a preset without sharing its chart list', () => {
    const charts = ['a'];
    const started = formFromPreset({ dataset: 'audience', charts });
    started.charts.push('b');
    expect(charts).toEqual(['a']);
    expect(started).toMatchObject({ dataset: 'audience', format: 'csv', destination: 'default' });
  });

  it('offers the BOM for CSV and TSV of a table dataset only', () => {
    expect(takesBom({ dataset: 'songs', format: 'csv' })).toBe(true);
    expect(takesBom({ dataset: 'songs', format: 'ndjson' })).toBe(false);
    expect(takesBom({ dataset: 'backup', format: 'csv' })).toBe(false);
  });
});

describe('formProblems', () => {
  it('finds nothing in the default form', () => {
    expect(formProblems(EMPTY_EXPORT_FORM)).toEqual({});
  });

  it('puts a backwards range under From, with the engine’s own words', () => {
    expect(formProblems(form({ from: '2026-12-01', to: '2026-11-01' }))).toEqual({
      from: 'The start date must not be after the end date.',
    });
  });

  it('asks for a path when the operator chose to give one', () => {
    expect(formProblems(form({ destination: 'path', out: '  ' })).out).toMatch(/Write the path/);
  });
});

describe('engine refusals', () => {
  it('maps field paths to the form’s fields', () => {
    expect(fieldOf('charts.3')).toBe('charts');
    expect(fieldOf('out')).toBe('out');
    expect(fieldOf('')).toBeNull();
    expect(fieldOf('somethingElse')).toBeNull();
  });

  it('puts each field’s problem under it and keeps the rest for the dialog', () => {
    expect(
      engineProblems({
        code: 'invalid_input',
        message: 'The folder /nope does not exist. Chart nope not found.',
        fields: { out: 'The folder /nope does not exist.', 'charts.0': 'Chart nope not found.' },
      }),
    ).toEqual({
      fields: { out: 'The folder /nope does not exist.', charts: 'Chart nope not found.' },
      general: null,
    });
    expect(engineProblems({ code: 'internal', message: 'Disk full.' })).toEqual({
      fields: {},
      general: 'Disk full.',
    });
  });
});
