/**
 * Issue 23: the scale tests that used to slow the unit project, in the integration project: the
 * converter and segmentInline are linear in a provision's length, and related provisions of a
 * large library are found in bounded time. Times are CPU time of this process, not the wall clock.
 */
import { describe, expect, test } from 'vitest';
import { renderContent } from '../../src/convert/mdx.ts';
import { segmentInline } from '../../src/model/inline.ts';
import { MAX_RELATED, relatedProvisions, type FeatureKind, type ProvisionFeatures } from '../../src/views/related.ts';
import { parse, registry } from '../helpers/forms.ts';

const f = (kind: FeatureKind, value: string) => ({ kind, value });
const item = (key: string, features: { kind: FeatureKind; value: string }[], neighbours: string[] = []): ProvisionFeatures => ({ key, features, neighbours });

describe('speed: conversion is linear in the length of a provision', () => {
  const sentence = (i: number) => `落实《测试文件第${i}号》要求，推进“示例工程${i}”建设，市人社局完成${(i % 97) + 1}%的目标。`;
  const seed = (n: number) =>
    `关于印发《测试措施》的通知\n测字〔2024〕1号\n各区：\n现印发。\n\n测试局\n2024年1月2日\n一、测试\n（一）${Array.from({ length: n }, (_, i) => sentence(i)).join('')}（市人社局）\n`;
  /** CPU seconds of this process (user + system), not wall-clock time: other work on the machine does not count. */
  const seconds = (n: number) => {
    const text = seed(n);
    const started = process.cpuUsage();
    const files = renderContent(parse(text), registry);
    expect(files.size).toBe(2);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1e6;
  };

  test('a provision of 2,000 sentences converts in under 2 s', () => {
    const s = seconds(2000);
    console.log(`2,000-sentence provision: parsed and converted in ${s.toFixed(2)} s`);
    expect(s).toBeLessThan(2);
  });

  test('a provision of 20,000 sentences converts in under 30 s (hours when it was quadratic)', () => {
    const s = seconds(20000);
    console.log(`20,000-sentence provision: parsed and converted in ${s.toFixed(2)} s`);
    expect(s).toBeLessThan(30);
  });

  test('segmentInline covers a long text exactly, in time proportional to its length', () => {
    const text = Array.from({ length: 20000 }, (_, i) => sentence(i)).join('');
    const started = process.cpuUsage();
    const segments = segmentInline(text, registry);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1e6).toBeLessThan(10);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.kind === 'cite')).toHaveLength(20000);
  });
});

describe('related provisions at scale', () => {
  test('20 000 provisions, 8 features each, related in bounded time through the index', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const kinds: FeatureKind[] = ['lead', 'department', 'group', 'cited', 'term', 'term', 'term', 'term'];
    const items = Array.from({ length: 20_000 }, (_, i) => item(`d${Math.floor(i / 20)}/${i % 20}`, kinds.map((k) => f(k, `${k}${rnd(k === 'lead' || k === 'department' ? 40 : k === 'group' ? 15 : 3000)}`))));
    // CPU time of this process, not the wall clock: other work on the machine does not count.
    const started = process.cpuUsage();
    const related = relatedProvisions(items);
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    expect(related.size).toBe(items.length);
    expect([...related.values()].every((rs) => rs.length <= MAX_RELATED)).toBe(true);
    // Departments (500 provisions each) and groups (1 333 each) exceed maxPostings: their pairs are never enumerated.
    expect(ms).toBeLessThan(20_000);
    console.log(`related provisions of ${items.length} synthetic provisions: ${Math.round(ms)} ms`);
  }, 60_000);
});
