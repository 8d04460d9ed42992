# SPDX-License-Identifier: MIT
# json_check.py - checks a report's JSON for tests/check_scenarios.
#
# Usage: python3 json_check.py FILE WHERE.  FILE holds the JSON text on its
# first line, then one assertion a line, "LINE<tab>PATH<tab>VALUE": PATH ""
# checks the member order, "~" that the text contains VALUE, else the member
# at PATH (dot-separated, list indices as numbers) must equal the JSON VALUE
# (numbers within 1e-9).  Failures are printed as WHERE:LINE: ...; the exit
# status is their number.
import json
import sys

MEMBERS = ['rulebase', 'triage', 'triage_high', 'screen_complete',
           'suppress_training_advice', 'confidence', 'confidence_low',
           'findings', 'questions', 'warnings', 'derived', 'disclaimer']
FINDING = ['kind', 'id', 'title', 'advice', 'score', 'score_low',
           'score_high', 'band', 'coverage', 'urgency', 'secondary',
           'evidence']
EVIDENCE = ['when', 'weight', 'state', 'text']
failed = 0


def fail(line, msg):
    global failed
    failed += 1
    print('%s:%s: json: %s' % (sys.argv[2], line, msg), file=sys.stderr)


def same(x, y):
    if all(type(v) in (int, float) for v in (x, y)):
        return abs(x - y) <= 1e-9
    return x == y and type(x) == type(y)


with open(sys.argv[1], encoding='utf-8') as f:
    text = f.readline()[:-1]
    checks = [line[:-1].split('\t', 2) for line in f]
try:
    doc = json.loads(text)
except ValueError as e:
    fail(0, 'does not parse: %s' % e)
    sys.exit(1)
for line, path, value in checks:
    if path == '~':
        if value not in text:
            fail(line, 'the text lacks %s' % value)
    elif path == '':
        if list(doc) != MEMBERS:
            fail(line, 'members %s' % list(doc))
        for finding in doc.get('findings', []):
            if list(finding) != FINDING:
                fail(line, 'finding members %s' % list(finding))
            for e in finding.get('evidence', []):
                if list(e) != EVIDENCE:
                    fail(line, 'evidence members %s' % list(e))
    else:
        x = doc
        try:
            for key in path.split('.'):
                x = x[int(key)] if isinstance(x, list) else x[key]
            if not same(x, json.loads(value)):
                fail(line, '%s is %s, not %s' % (path, json.dumps(x), value))
        except (KeyError, IndexError, ValueError, TypeError) as e:
            fail(line, '%s: %r' % (path, e))
sys.exit(min(failed, 99))
