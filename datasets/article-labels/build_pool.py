"""Builds the pool of whole documents for article-level annotation (issue 19).

One-off dataset construction step, kept so the pool can be rebuilt:
    python3 datasets/article-labels/build_pool.py ../shared/corpus datasets/article-labels/pool.csv

A document enters the pool when some of its sentences are in labelled/sentences.csv (so it keeps
their split), its whole text is available (NewsMTSC rows are single sentences, Kremlin H2 rows
are excerpts: both are left out), and the text is at most MAX_CHARS long (press briefings, which
run to 50,000 characters of questions on every topic, are left out as a source for that reason).
All dev and test documents that qualify enter; train documents are drawn with a fixed seed.
"""
import csv, json, random, sys, collections, os

MAX_CHARS = 20000
TRAIN_DOCS = 110
SEED = 20261219

corpus, out = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.abspath(__file__))
labelled = os.path.join(root, '..', 'labelled', 'sentences.csv')
articles_dir = os.path.join(root, '..', 'articles')

splits = {}
for row in csv.DictReader(open(labelled, encoding='utf-8')):
    splits[(row['source'], row['doc_id'])] = row['split']

docs = {}  # (source, doc_id) -> (title, date, text)
for name in sorted(os.listdir(articles_dir)):
    doc_id = name[:-4]
    text = open(os.path.join(articles_dir, name), encoding='utf-8').read().strip()
    docs[('seed', doc_id)] = ('', '2025-03', text)

by_article = collections.defaultdict(list)
for line in open(os.path.join(corpus, 'ukraine-crisis-news-2014.jsonl'), encoding='utf-8'):
    o = json.loads(line)
    by_article[o['article']].append((o['position'], o['text']))
for art, rows in by_article.items():
    rows.sort()
    docs[('ukraine-crisis-2014', art)] = (rows[0][1], '2014', '\n'.join(t for _, t in rows))

by_address = collections.defaultdict(list)
dates = {}
for line in open(os.path.join(corpus, 'zelensky-addresses-2022.jsonl'), encoding='utf-8'):
    o = json.loads(line)
    by_address[o['address']].append(o['text'])
    dates[o['address']] = o['date']
for a, rows in by_address.items():
    docs[('zelensky-2022', a)] = (rows[0], dates[a], '\n'.join(rows))

for source, name in [('kremlin-2022', 'kremlin-2022.jsonl'),
                     ('un-general-debate', 'un-general-debate-2022-2023.jsonl'),
                     ('whitehouse-statements', 'whitehouse-statements-2022-2025.jsonl')]:
    for line in open(os.path.join(corpus, name), encoding='utf-8'):
        o = json.loads(line)
        text = o['text'].strip()
        if o.get('title') and not text.startswith(o['title']):
            text = o['title'] + '\n' + text
        docs[(source, o['id'])] = (o['title'], o['date'], text)

eligible = sorted(k for k in splits if k in docs and len(docs[k][2]) <= MAX_CHARS)
chosen = [k for k in eligible if splits[k] != 'train']
train = [k for k in eligible if splits[k] == 'train']
random.Random(SEED).shuffle(train)
chosen += sorted(train[:TRAIN_DOCS])

with open(out, 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f)
    w.writerow(['doc_id', 'source', 'split', 'date', 'title', 'text'])
    for k in sorted(chosen, key=lambda k: (splits[k], k[0], k[1])):
        title, date, text = docs[k]
        w.writerow([k[1], k[0], splits[k], date, title, text])

count = collections.Counter((k[0], splits[k]) for k in chosen)
for key in sorted(count):
    print(key, count[key])
print('documents', len(chosen), 'characters', sum(len(docs[k][2]) for k in chosen))
for s in ('dev', 'test', 'train'):
    print(s, sum(len(docs[k][2]) for k in chosen if splits[k] == s))
