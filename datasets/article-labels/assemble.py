"""Assembles labelled/articles.csv from the annotation passes (issue 19; a one-off step, kept).

    python3 datasets/article-labels/assemble.py POOL.csv

POOL.csv is build_pool.py's output (the whole texts). Inputs beside this script: pass-a.csv (every
document), pass-b.csv (dev and test documents, annotated independently of pass A) and
adjudication.csv (the settled (document, party) disagreements). Writes ../labelled/articles.csv;
`stancekit dataset check` computes the agreement of the two passes.
"""
import csv, os, sys

here = os.path.dirname(os.path.abspath(__file__))
P = ['us', 'ukraine', 'russia', 'europe']
pool = {r['doc_id']: r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))}
def rows(name):
    return {r['doc_id']: r for r in csv.DictReader(open(os.path.join(here, name), encoding='utf-8'))}
a, b = rows('pass-a.csv'), rows('pass-b.csv')
settled = {}
for r in csv.DictReader(open(os.path.join(here, 'adjudication.csv'), encoding='utf-8')):
    settled[(r['doc_id'], r['party'].lower())] = r['label']
assert set(a) == set(pool), 'pass A must cover the pool'
assert set(b) <= set(a)

out = []
for doc_id, d in pool.items():
    labels = {p: a[doc_id][p] for p in P}
    annotation = 'single'
    if doc_id in b:
        disputed = [p for p in P if a[doc_id][p] != b[doc_id][p]]
        for p in disputed:
            labels[p] = settled[(doc_id, p)]
        annotation = 'double-adjudicated' if disputed else 'double-agreed'
    out.append([doc_id, d['source'], d['split'], d['date'], d['title'], d['text']]
               + [labels[p].upper() for p in P] + [annotation])
out.sort(key=lambda r: (r[2], r[1], r[0]))
with open(os.path.join(here, '..', 'labelled', 'articles.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f)
    w.writerow(['doc_id', 'source', 'split', 'date', 'title', 'text'] + P + ['annotation'])
    w.writerows(out)
print(len(out), 'documents')
