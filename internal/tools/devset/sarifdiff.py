#!/usr/bin/env python3
"""sarifdiff.py OLD NEW: the results (rule, file, line) only OLD has (-)
and only NEW has (+), to compare two builds' scans finding by finding."""
import json
import sys


def keys(path):
    out = set()
    for run in json.load(open(path))['runs']:
        for r in run['results']:
            loc = r['locations'][0]['physicalLocation']
            out.add((r['ruleId'], loc['artifactLocation']['uri'], loc['region']['startLine']))
    return out


old, new = keys(sys.argv[1]), keys(sys.argv[2])
for x in sorted(old - new):
    print('-', *x)
for x in sorted(new - old):
    print('+', *x)
