#!/usr/bin/env python3
"""map_sarif.py IN OUT: copy a tokenvet SARIF log, mapping namespaced rule ids
of the form hardcoded-token/<type> to hardcoded-token (the id score.py and
score_repos.py know). Prints how many results were remapped."""
import json, sys, collections

src, dst = sys.argv[1], sys.argv[2]
log = json.load(open(src))
n = 0
seen = collections.Counter()
for run in log.get('runs', []):
    for r in run.get('results', []):
        rid = r.get('ruleId') or ''
        if rid.startswith('hardcoded-token/'):
            r['ruleId'] = 'hardcoded-token'
            n += 1
        rule = r.get('rule')
        if isinstance(rule, dict) and str(rule.get('id', '')).startswith('hardcoded-token/'):
            rule['id'] = 'hardcoded-token'
        seen[r.get('ruleId')] += 1
with open(dst, 'w') as fh:
    json.dump(log, fh, indent=1)
print('%s: %d results, %d hardcoded-token/<type> ids mapped; by rule: %s' % (
    dst, sum(seen.values()), n, dict(sorted(seen.items()))), file=sys.stderr)
