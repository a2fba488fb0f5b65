#!/usr/bin/env python3
"""Merge the judges' tables of a held-out pass into the Markdown tables
docs/evaluation.md quotes.

usage: merge.py PASS_DIR

PASS_DIR holds commits.tsv (owner/name, commit), out/<owner>_<name>.json
(tokenvet's JSON report) and judge/<owner>_<name>.tsv (the judges' rows:
kind rule file line scope verdict reason; kind is finding, miss or
gitleaks). Every tokenvet finding must have a judged row: a finding
without one, or a finding row matching no finding, is printed as an
error, so a table can never silently leave a finding out.
"""
import collections
import csv
import json
import os
import sys

VERDICTS = ('true', 'false', 'disputed')


def strip_dot(path):
    """path without a leading ./ (not lstrip: .env.example keeps its dot)."""
    while path.startswith('./'):
        path = path[2:]
    return path


def load_rows(path):
    rows = []
    with open(path, newline='') as f:
        for i, row in enumerate(csv.reader(f, delimiter='\t')):
            if i == 0 and row and row[0] == 'kind':
                continue
            if not row or not any(c.strip() for c in row):
                continue
            if len(row) < 7:
                sys.exit(f'{path}:{i+1}: want 7 columns, have {len(row)}')
            kind, rule, file, line, scope, verdict = (c.strip() for c in row[:6])
            reason = '\t'.join(row[6:]).strip()
            if verdict not in VERDICTS:
                sys.exit(f'{path}:{i+1}: verdict {verdict!r} is not one of {VERDICTS}')
            rows.append(dict(kind=kind, rule=rule, file=strip_dot(file),
                             line=line, scope=scope, verdict=verdict, reason=reason))
    return rows


def precision(t, f):
    return f'{t/(t+f):.2f}' if t + f else '—'


def main():
    d = sys.argv[1]
    repos = []
    with open(os.path.join(d, 'commits.tsv')) as f:
        for line in f:
            if line.strip():
                r, c = line.split()[:2]
                repos.append((r, c))
    errors = []
    per_repo = {}
    per_rule = collections.defaultdict(lambda: collections.Counter())
    gl = collections.Counter()
    gl_lacking = []
    every = []
    for repo, commit in repos:
        key = repo.replace('/', '_')
        report = json.load(open(os.path.join(d, 'out', key + '.json')))
        findings = collections.Counter(
            (x['rule'], strip_dot(x['file']), str(x['line'])) for x in report['findings'])
        jpath = os.path.join(d, 'judge', key + '.tsv')
        rows = load_rows(jpath) if os.path.exists(jpath) else []
        if not os.path.exists(jpath):
            errors.append(f'{repo}: no judge table {jpath}')
        judged = collections.Counter()
        c = collections.Counter()
        for r in rows:
            if r['kind'] == 'finding':
                k = (r['rule'], r['file'], r['line'])
                judged[k] += 1
                if judged[k] > findings.get(k, 0):
                    errors.append(f'{repo}: judged row for no finding: {k}')
                    continue
                c[r['verdict']] += 1
                per_rule[r['rule']][r['verdict']] += 1
                if r['scope'] == 'prod':
                    per_rule[r['rule']]['prod-' + r['verdict']] += 1
                every.append((repo, commit, r))
            elif r['kind'] == 'miss':
                # A miss judged false was looked at and is not one (the
                # rule, as documented, does not claim that line): listed,
                # not counted.
                if r['verdict'] != 'false':
                    c['miss'] += 1
                    per_rule[r['rule']]['miss'] += 1
                every.append((repo, commit, r))
            elif r['kind'] == 'gitleaks':
                gl[r['verdict']] += 1
                if r['verdict'] in ('true', 'disputed') and 'tokenvet: no' in r['reason'].lower():
                    gl_lacking.append((repo, r))
            else:
                errors.append(f'{repo}: unknown kind {r["kind"]!r}')
        for k, n in findings.items():
            if judged[k] < n:
                errors.append(f'{repo}: finding not judged: {k} ({n - judged[k]} of {n})')
        per_repo[repo] = (sum(findings.values()), c)

    print('| repository | findings | true | false | disputed | misses found by reading |')
    print('|---|---|---|---|---|---|')
    tot = collections.Counter()
    for repo, _ in sorted(repos, key=lambda x: x[0].lower()):
        n, c = per_repo[repo]
        tot['n'] += n
        tot.update(c)
        print(f'| {repo} | {n} | {c["true"]} | {c["false"]} | {c["disputed"]} | {c["miss"]} |')
    print(f'| **all** | {tot["n"]} | {tot["true"]} | {tot["false"]} | {tot["disputed"]} | {tot["miss"]} |')
    print()
    print('| rule | findings | true | false | disputed | precision (true/(true+false)) | prod only: t/f/d, precision | misses |')
    print('|---|---|---|---|---|---|---|---|')
    for rule in sorted(per_rule):
        c = per_rule[rule]
        n = c['true'] + c['false'] + c['disputed']
        pt, pf, pd = c['prod-true'], c['prod-false'], c['prod-disputed']
        print(f'| {rule} | {n} | {c["true"]} | {c["false"]} | {c["disputed"]} | '
              f'{precision(c["true"], c["false"])} | {pt}/{pf}/{pd}, {precision(pt, pf)} | {c["miss"]} |')
    print(f'| **all** | {tot["true"]+tot["false"]+tot["disputed"]} | {tot["true"]} | {tot["false"]} | '
          f'{tot["disputed"]} | {precision(tot["true"], tot["false"])} | | {tot["miss"]} |')
    print()
    print(f'gitleaks rows judged: {dict(gl)}; real or disputed gitleaks secrets tokenvet lacks: {len(gl_lacking)}')
    for repo, r in gl_lacking:
        print(f'   {repo} {r["file"]}:{r["line"]} {r["rule"]} ({r["verdict"]})')
    print()
    print('| finding | rule | scope | verdict | reason |')
    print('|---|---|---|---|---|')
    for repo, commit, r in every:
        what = f'{repo} @ {commit[:8]} `{r["file"]}:{r["line"]}`'
        v = r['verdict']
        if r['kind'] == 'miss':
            v = 'not a miss' if r['verdict'] == 'false' else 'miss (' + r['verdict'] + ')'
        reason = r['reason'].replace('|', '\\|')
        print(f'| {what} | {r["rule"]} | {r["scope"]} | **{v}** | {reason} |')
    if errors:
        print('\n'.join(errors), file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
