#!/usr/bin/env python3
"""Build and check the quotes-eval set from hand-written labels.

The labels (labels.txt) are the annotator's judgement; this script only turns them into JSON Lines,
resolves span numbers to exact offsets, expands timeline cues to whole sentences, applies the split
rule and checks that every labelled text is an exact substring of its article.

    python3 build.py select  [--corpus PATH]         list the articles the selection rule picks
    python3 build.py show ID [--corpus PATH]         print an article with its numbered quoted spans
    python3 build.py build   [--corpus PATH]         write ../*.jsonl from labels.txt
    python3 build.py check   [--corpus PATH]         verify ../*.jsonl against the corpus, print counts
"""
import argparse, collections, datetime, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
DEFAULT_CORPUS = '../shared/bench/realtimeqa-dev/corpus.jsonl'

# ---------------------------------------------------------------- corpus and spans
def load(corpus):
    arts = {}
    with open(corpus) as f:
        for line in f:
            a = json.loads(line)
            arts[a['id']] = a
    return arts

def domain(a):
    return re.sub(r'^https?://(www\.)?', '', a['url']).split('/')[0]

def source(a):
    return 'cnn' if domain(a).endswith('cnn.com') else 'usatoday'

def spans(t):
    """Double-quoted spans: an opening “ or ", closed by ” " '' ’’ or, unclosed, by the paragraph end."""
    out, i = [], 0
    while True:
        m = re.search(r'[\u201c"]', t[i:])
        if not m:
            return out
        s = i + m.start()
        m2 = re.search(r'\u201d|"|\'\'|\u2019\u2019|\n', t[s + 1:])
        if not m2:
            return out
        e = s + 1 + m2.start()
        if m2.group() == '\n':
            out.append((s + 1, e, 'open-paragraph'))
            i = e + 1
            continue
        out.append((s + 1, e, m2.group()))
        i = e + len(m2.group())

# ---------------------------------------------------------------- the selection rule
def eligible(a, max_spans):
    t = a['text']
    return (domain(a) in ('cnn.com', 'usatoday.com') and a['published'].startswith('2022') and a['title']
            and 2000 <= len(t) <= 12000 and 8 <= len(spans(t)) <= max_spans)

def closing_marks(a):
    return len(re.findall(r"[^\s']''|\u2019\u2019", a['text']))

RELAY = re.compile(r'(through|via) (a|his|her) (spokes(?:person|man|woman)|representative|publicist|lawyer|attorney)'
                   r'|(spokes(?:person|man|woman)|representative|publicist) for [A-Z][a-z]+ [A-Z][a-z]+[^.\n]{0,40}\bsaid\b'
                   r'|statement (released|issued|shared) (by|on behalf of)')

# Stratum D, added after the first 57 articles were labelled, to put relayed words and court documents in
# both halves; it is split on its own (split_of) so that adding it moved no earlier article.
RELAY2 = re.compile(r'(through|via) (a|his|her) (spokes(?:person|man|woman)|representative|publicist|lawyer|attorney)'
                    r'|(his|her|their) (spokes(?:person|man|woman)|representative|publicist) (said|told)'
                    r'|on (his|her) behalf|according to (his|her) (spokes(?:person|man|woman)|representative|publicist|lawyer|attorney)'
                    r'|statement (released|issued|shared|read) (by|on behalf of)|read a statement')
COURT = re.compile(r'\b(indictment|court documents|court filing|criminal complaint|the complaint|affidavit'
                   r'|the lawsuit (says|said|alleges|states)|court records)\b')

# Stratum E: D-relay found no relayed quotation, so a stricter pattern for words delivered by someone else.
RELAY3 = re.compile(r'(said|says) in a statement (released|issued|shared|provided|sent) (by|through)'
                    r'|in a statement (released|issued|shared|provided) (by|through) (his|her|their) '
                    r'|statement (read|released) on (his|her|their) behalf'
                    r'|(told|said to) [^.\n]{0,60} through (a|his|her) (spokes\w+|representative|publicist|lawyer|attorney|interpreter)'
                    r'|, (his|her) (spokes\w+|representative|publicist|attorney|lawyer) said'
                    r'|(spokes\w+|representative|publicist) (said|told)[^.\n]{0,30} that (he|she) ')

def suffix_namesake(a):
    t = a['text']
    for m in re.finditer(r'([A-Z][a-z]+) ([A-Z][a-z]+),? (?:Jr\.|Sr\.)', t):
        first, last = m.groups()
        for x in re.finditer(r'\b[A-Z][a-z]+ ' + last + r'\b(?!,? (?:Jr|Sr)\.)', t):
            if not x.group().startswith(first):
                return True
    return False

def select(arts):
    by_id = sorted(arts.values(), key=lambda a: a['id'])
    a16 = [a for a in by_id if eligible(a, 16)]
    cnn = [a for a in a16 if domain(a) == 'cnn.com'][:24]
    ut = [a for a in a16 if domain(a) == 'usatoday.com']
    ut_marks = [a for a in ut if closing_marks(a) >= 2]
    ut_rest = [a for a in ut if closing_marks(a) < 2][:24 - len(ut_marks)]
    chosen = [(a, 'A') for a in cnn + ut_marks + ut_rest]
    taken = {a['id'] for a, _ in chosen}
    a25 = [a for a in by_id if eligible(a, 25) and a['id'] not in taken]
    for a in [a for a in a25 if suffix_namesake(a)][:3]:
        chosen.append((a, 'B-suffix')); taken.add(a['id'])
    for a in [a for a in a25 if a['id'] not in taken and RELAY.search(a['text'])][:4]:
        chosen.append((a, 'B-relay')); taken.add(a['id'])
    for a in [a for a in a25 if a['id'] not in taken and re.search(r'\bovernight\b', a['text'])][:2]:
        chosen.append((a, 'C-overnight')); taken.add(a['id'])
    for a in [a for a in a25 if a['id'] not in taken and RELAY2.search(a['text'])][:3]:
        chosen.append((a, 'D-relay')); taken.add(a['id'])
    for a in [a for a in a25 if a['id'] not in taken and COURT.search(a['text'])][:3]:
        chosen.append((a, 'D-court')); taken.add(a['id'])
    for a in [a for a in a25 if a['id'] not in taken and RELAY3.search(a['text'])][:2]:
        chosen.append((a, 'E-relay')); taken.add(a['id'])
    # Stratum F, added in a later session after check-half figures had been reported: tuning data only.
    nxt = [a for a in by_id if eligible(a, 16) and a['id'] not in taken]
    for a in [a for a in nxt if domain(a) == 'cnn.com'][:3] + [a for a in nxt if domain(a) == 'usatoday.com'][:3]:
        chosen.append((a, 'F-next')); taken.add(a['id'])
    for a in [a for a in a25 if a['id'] not in taken and RELAY2.search(a['text'])][:2]:
        chosen.append((a, 'F-relay')); taken.add(a['id'])
    return chosen

def split_of(ids, arts):
    """Split by article: within each source, articles sorted by id alternate tune, check, tune, ...
    Strata A to C form one group; each later stratum (D, E) is a group of its own, so adding it moved no
    earlier article to the other half. Stratum F was added after check-half figures had been reported and is
    tuning data only."""
    stratum = {a['id']: (why[0] if why[0] in 'DEF' else 'ABC') for a, why in select(arts)}
    split = {x: 'tune' for x in ids if stratum.get(x) == 'F'}
    for g in ('ABC', 'D', 'E'):
        group = [x for x in ids if stratum.get(x) == g]
        for s in ('cnn', 'usatoday'):
            for i, aid in enumerate(sorted(x for x in group if source(arts[x]) == s)):
                split[aid] = 'tune' if i % 2 == 0 else 'check'
    return split

# ---------------------------------------------------------------- labels
QKIND = {'f': 'full', 'c': 'continuation', 'p': 'partial', 'pr': 'pronoun', 'r': 'relayed'}
NFAMILY = {'scare': 'label', 'term': 'label', 'name': 'label', 'nickname': 'label', 'title': 'label', 'slogan': 'label',
           'statement': 'attribution', 'unnamed_speaker': 'attribution', 'unattributed': 'attribution',
           'group': 'attribution', 'non_person': 'attribution',
           'court_document': 'document', 'law_text': 'document',
           'namesake': 'person', 'neighbour': 'person'}
CUEFAMILY = {
    'weekday_past': 'weekday', 'weekday_same_day': 'weekday', 'weekday_future': 'weekday',
    'weekday_future_same_day': 'weekday', 'next_weekday': 'weekday',
    'weekday_said_future_complement': 'reporting_verb_future_complement',
    'yesterday_said_future_complement': 'reporting_verb_future_complement',
    'yesterday': 'relative_day', 'today': 'relative_day', 'tomorrow': 'relative_day', 'last_night': 'relative_day',
    'day_before': 'relative_day', 'relative_days': 'relative_day',
    'overnight': 'overnight',
    'last_week': 'week', 'this_week': 'week', 'next_week': 'week', 'earlier_this_week': 'week',
    'this_weekend': 'week', 'last_weekend': 'week',
    'month_no_year_past': 'month_no_year', 'month_no_year_future': 'month_no_year',
    'month_no_year_future_next_year': 'month_no_year', 'month_last_year': 'month_no_year',
    'month_day_past': 'month_day', 'month_day_future': 'month_day', 'month_day_no_year_past': 'month_day',
    'last_month': 'relative_month', 'next_month': 'relative_month', 'earlier_this_month': 'relative_month',
    'month_ago': 'relative_month',
    'weekday_after_publication_update': 'live_update',
}

def parse(path, arts):
    Q, N, T, errs = [], [], [], []
    cur = a = None
    sp, roles = [], {}
    for ln, line in enumerate(open(path), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        if line.startswith('@ '):
            cur = line[2:].strip(); a = arts[cur]; sp = spans(a['text']); roles = {}
            continue
        if line.startswith('= '):
            n, r = line[2:].split(' | ', 1); roles[n.strip()] = r.strip()
            continue
        if line.startswith('T '):
            parts = [p.strip() for p in line[2:].split(' | ')]
            if len(parts) != 4:
                errs.append((ln, 'timeline line needs 4 fields')); continue
            frag, ev, date, cue = parts
            if a['text'].count(frag) != 1:
                errs.append((ln, 'cue text found %d times' % a['text'].count(frag))); continue
            if cue not in CUEFAMILY:
                errs.append((ln, 'unknown cue ' + cue)); continue
            T.append(dict(article=cur, fragment=frag, event=ev, date=date, cue=cue))
            continue
        if line.startswith('s '):
            txt, k, rest = [p.strip() for p in line[2:].split(' | ')]
            if a['text'].count(txt) != 1:
                errs.append((ln, 'manual span found %d times' % a['text'].count(txt))); continue
            s = a['text'].find(txt); e = s + len(txt); close = a['text'][e:e + 1]
        else:
            m = re.match(r'^(\d+)\s+(\S+)\s*(.*)$', line)
            if not m:
                errs.append((ln, 'cannot read line')); continue
            n, k, rest = int(m.group(1)), m.group(2), m.group(3)
            if not 1 <= n <= len(sp):
                errs.append((ln, 'no span %d' % n)); continue
            s, e, close = sp[n - 1]
        text = a['text'][s:e]
        tags = [(t, w.strip()) for t, w in re.findall(r'~(\w+):([^~!]+)', rest)]
        rest = re.sub(r'~\w+:[^~!]+', '', rest)
        not_speaker = None
        mm = re.search(r'!([^~]+)', rest)
        if mm:
            not_speaker = mm.group(1).strip(); rest = rest[:mm.start()]
        rest = rest.strip()
        if k.startswith('x:'):
            if k[2:] not in NFAMILY:
                errs.append((ln, 'unknown non-quote kind ' + k)); continue
            N.append(dict(article=cur, start=s, end=e, text=text, kind=k[2:], not_speaker=not_speaker))
            continue
        if k not in QKIND:
            errs.append((ln, 'unknown kind ' + k)); continue
        relayer = None
        if k == 'r':
            rest, relayer = [x.strip() for x in rest.split(' via ')]
        if rest not in roles:
            errs.append((ln, 'no role line for ' + rest))
        Q.append(dict(article=cur, start=s, end=e, close=close, text=text, speaker=rest, role=roles.get(rest, ''),
                      kind=QKIND[k], relayer=relayer, tags=tags))
    return Q, N, T, errs

# ---------------------------------------------------------------- sentences and dates
ABBR = (r'(?:ST|Gov|Dr|Sen|Rep|St|Mr|Mrs|Ms|Jr|Sr|Gen|Lt|Col|Sgt|Prof|No|Mt|Ft|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec'
        r'|vs|Inc|Co|Corp|Ltd|U\.S|U\.K|U\.N|p\.m|a\.m|D\.C|N\.Y|N\.J|Fla|Calif|Mass|Ark|Okla|Mont|Del|Ala)')

def sentence(text, frag):
    i = text.find(frag); j = i + len(frag)
    st = 0
    for m in re.finditer(r'\n|(?<=[.!?])["”’\']?\s+(?=["“]?[A-Z0-9])', text[:i + 1]):
        if m.group() != '\n' and (re.search(r'\b' + ABBR + r'\.$', text[:m.start()])
                                  or re.search(r'(?:^|[\s(])[A-Z]\.$', text[:m.start()])):
            continue
        st = m.end()
    en = len(text)
    for m in re.finditer(r'\n|[.!?]["”’\']*(?=\s+["“]?[A-Z0-9]|\s*$)', text[j - 1:]):
        k = j - 1 + m.start()
        if m.group() == '\n':
            en = k; break
        if re.search(r'\b' + ABBR + r'$', text[:k]) or re.search(r'(?:^|[\s(])[A-Z]$', text[:k]):
            continue
        en = j - 1 + m.end(); break
    return text[st:en].strip()

def date_range(d, cue):
    if re.fullmatch(r'\d{4}-\d\d-\d\d', d):
        x = datetime.date.fromisoformat(d)
        f = x - datetime.timedelta(days=1) if cue == 'overnight' else x
        return f.isoformat(), x.isoformat()
    if re.fullmatch(r'\d{4}-\d\d', d):
        y, m = map(int, d.split('-'))
        last = datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)
        return datetime.date(y, m, 1).isoformat(), last.isoformat()
    m = re.fullmatch(r'(\d{4})-W(\d\d)', d)
    if not m:
        raise ValueError('bad date ' + d)
    mon = datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    sun = mon + datetime.timedelta(days=6)
    if cue.endswith('weekend'):
        mon += datetime.timedelta(days=5)
    return mon.isoformat(), sun.isoformat()

# ---------------------------------------------------------------- people
EXTRA_VARIANTS = {
    'Volodymyr Zelensky': ['Zelenskyy', 'Volodymyr Zelenskyy', 'Ukrainian President Volodymyr Zelenskyy'],
    'Damian Williams': ['Willams (misspelt in 2882a12f6c53)'],
    'Rob Walton': ['Robert Walton'],
    'Jonathan Porter': ['Jon Porter (0a6ab7f10051)'],
    'Patrick De Haan': ['De Haansaid (run together with "said" in 2d78f69bf266)'],
    'Tedros Adhanom Ghebreyesus': ['Tedros'],
    'Queen Elizabeth II': ['the Queen'],
    'Jerome Powell': ['Jay Powell (his nickname; not used in these articles)'],
    'Rich Trumka Jr.': ['Trumka', 'Commissioner Trumka'],
    'Ferdinand Marcos Jr.': ['Marcos Jr.', 'Bongbong', 'Marcos'],
    'Stock': ['Stock (surname only; the first name is not given)'],
    'Gabby Giffords': ['Gabrielle Giffords (0c97e8fc5441, where she is not quoted)'],
    'Andriy': ['Andriy (first name only; not fully identified)'],
}
EXTRA_NAMESAKES = {
    'Cherelle Griner': ['Brittney Griner (her wife, the detained player)'],
    'Josh Lowe': ['Brandon Lowe (Rays second baseman, same team)'],
    'Rob Walton': ['Sam Walton (his father, Walmart founder)', 'Carrie Walton-Penner (his daughter; also "Carrie Walton Penner")'],
    'Greg Penner': ['Carrie Walton-Penner (his wife)'],
    'Liz Cheney': ['Dick Cheney (her father, former Vice President)'],
    'Dick Cheney': ['Liz Cheney (his daughter, Wyoming Rep.)'],
    'Jill Biden': ['Joe Biden (her husband, President)'],
    'Joe Biden': ['Jill Biden (his wife, First lady)'],
    'Derrick Johnson': ['Boris Johnson (British Prime Minister, other articles)'],
    'Valencea Johnson': ['Boris Johnson (British Prime Minister, other articles)'],
    'Richard Trumka': ['Rich Trumka Jr. (his son, CPSC commissioner; other article)'],
    'Rich Trumka Jr.': ['Richard Trumka (his father, late AFL-CIO President; other article)'],
    'Ferdinand Marcos Jr.': ['Ferdinand Marcos Sr. (his father, former dictator; a caption calls him just "Ferdinand Marcos")',
                             'Imelda Marcos (his mother)', 'Imee Marcos (his sister)'],
    'Condoleezza Rice': ['John Rice Jr. (her late father)'],
    'Richard Moore': ['Richard Moody (similar name; other article)'],
    'Richard Moody': ['Richard Moore (similar name; other article)'],
    'Tom Kloza': [],
}
# surnames that are not simply the last word of the name
SURNAME = {'Carlos del Rio': 'del Rio', 'Ursula von der Leyen': 'von der Leyen', 'Patrick De Haan': 'De Haan', 'Tedros Adhanom Ghebreyesus': 'Tedros'}
TITLES = r"(?:Vice President|Dr\.|Sen\.|Rep\.|Gov\.|President|Prime Minister|Secretary|Secretary-General|Commissioner|Chair|Mayor|Captain|Pope|Father|Sister|First lady|Vice Chair|Minister)"
TITLE_WORDS = {'Dr.', 'Sen.', 'Rep.', 'Gov.', 'Prime', 'Minister', 'First', 'lady', 'Vice', 'President', 'Chair',
               'Secretary', 'Secretary-General', 'Commissioner', 'Mayor', 'Captain', 'Pope', 'Father', 'Sister'}

def people(Q, arts):
    P = collections.OrderedDict()
    for q in sorted(Q, key=lambda q: q['speaker']):
        p = P.setdefault(q['speaker'], dict(name=q['speaker'], roles=[], articles=[], variants=[], namesakes=[], quotations=0))
        if q['role'] and q['role'] not in p['roles']:
            p['roles'].append(q['role'])
        if q['article'] not in p['articles']:
            p['articles'].append(q['article'])
        p['quotations'] += 1
        for tag, who in q['tags']:
            if tag == 'namesake' and who not in [n.split(' (')[0] for n in p['namesakes']]:
                p['namesakes'].append(who)
    for name, p in P.items():
        parts = name.split()
        words = [w for w in parts if w not in ('II', 'III', 'Jr.')]
        last = SURNAME.get(name, words[-1])
        forms = set()
        for aid in p['articles']:
            for m in re.finditer(r'(?:(?:' + TITLES + r') )?(?:[A-Z][\w.\'-]* ){0,2}' + re.escape(last) + r'\b', arts[aid]['text']):
                s = m.group().strip()
                if all(w in parts or w in TITLE_WORDS for w in s.split()):
                    forms.add(s)
        forms.discard(name)
        bare = name[:-4] if name.endswith(' Jr.') else None
        if bare and any(n.startswith(bare + ' Sr.') for n in p['namesakes'] + EXTRA_NAMESAKES.get(name, [])):
            forms.discard(bare)  # with a father of the same name, the bare name is ambiguous
        p['variants'] = sorted(forms, key=lambda s: (len(s), s))
        for v in EXTRA_VARIANTS.get(name, []):
            if v not in p['variants']:
                p['variants'].append(v)
        have = lambda: [x.split(' (')[0] for x in p['namesakes']]
        for other in P:
            olast = SURNAME.get(other, [w for w in other.split() if w not in ('II', 'III', 'Jr.')][-1])
            if other != name and olast == last and other not in have():
                p['namesakes'].append(other)
        for n in EXTRA_NAMESAKES.get(name, []):
            if n.split(' (')[0] not in have():
                p['namesakes'].append(n)
    return list(P.values())

# ---------------------------------------------------------------- build
def write(name, rows):
    with open(os.path.join(OUT, name), 'w') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')

def build(arts):
    Q, N, T, errs = parse(os.path.join(HERE, 'labels.txt'), arts)
    for e in errs:
        print('labels.txt:%d: %s' % e, file=sys.stderr)
    if errs:
        sys.exit(1)
    ids = sorted({x['article'] for x in Q + N + T})
    chosen = {a['id'] for a, _ in select(arts)}
    missing = chosen - set(ids)
    if missing:
        sys.exit('articles selected but not labelled: %s' % sorted(missing))
    covered = collections.defaultdict(set)
    for x in Q + N:
        covered[x['article']].add(x['start'])
    for aid in ids:
        lost = [s for s, e, c in spans(arts[aid]['text']) if s not in covered[aid]]
        if lost:
            sys.exit('%s: quoted spans at %s have no label' % (aid, lost))
    split = split_of(ids, arts)
    pub = lambda aid: arts[aid]['published'].replace('/', '-')
    src = lambda aid: source(arts[aid])
    # rows of a later stratum (F) are numbered after the earlier ones, so adding it renamed no earlier row
    late = {a['id'] for a, why in select(arts) if why[0] == 'F'}
    key = lambda x: (x['article'] in late, src(x['article']), x['article'], x['start'])
    qrows, qid = [], {}
    for i, q in enumerate(sorted(Q, key=key), 1):
        r = dict(id='q%04d' % i, article=q['article'], source=src(q['article']), published=pub(q['article']),
                 text=q['text'], start=q['start'], end=q['end'], close_mark=q['close'],
                 speaker=q['speaker'], role=q['role'], kind=q['kind'])
        if q['relayer']:
            r['relayer'] = q['relayer']
        r['split'] = split[q['article']]
        qrows.append(r); qid[(q['article'], q['start'])] = r['id']
    nrows = []
    for q in Q:
        for tag, who in q['tags']:
            nrows.append(dict(article=q['article'], text=q['text'], start=q['start'], end=q['end'], kind=tag,
                              not_speaker=who, true_speaker=q['speaker'], quote_id=qid[(q['article'], q['start'])]))
    for n in N:
        r = dict(article=n['article'], text=n['text'], start=n['start'], end=n['end'], kind=n['kind'])
        if n['not_speaker']:
            r['not_speaker'] = n['not_speaker']
        nrows.append(r)
    nrows.sort(key=key)
    out = []
    for i, r in enumerate(nrows, 1):
        row = dict(id='n%04d' % i, article=r['article'], source=src(r['article']), text=r['text'], start=r['start'],
                   end=r['end'], kind=r['kind'], family=NFAMILY[r['kind']])
        for k in ('not_speaker', 'true_speaker', 'quote_id'):
            if k in r:
                row[k] = r[k]
        row['split'] = split[r['article']]
        out.append(row)
    trows = []
    T.sort(key=lambda t: (t['article'] in late, src(t['article']), t['article'], arts[t['article']]['text'].find(t['fragment'])))
    for i, t in enumerate(T, 1):
        s = sentence(arts[t['article']]['text'], t['fragment'])
        f, l = date_range(t['date'], t['cue'])
        trows.append(dict(id='t%04d' % i, article=t['article'], source=src(t['article']), published=pub(t['article']),
                          sentence=s, cue_text=t['fragment'], event=t['event'], date=t['date'], date_from=f, date_to=l,
                          cue=CUEFAMILY[t['cue']], cue_detail=t['cue'], split=split[t['article']]))
    write('quotations.jsonl', qrows)
    write('not_quotes.jsonl', out)
    write('timeline.jsonl', trows)
    write('people.jsonl', people(Q, arts))
    print('wrote %d quotations, %d not-quotes, %d timeline events' % (len(qrows), len(out), len(trows)))

# ---------------------------------------------------------------- check
def read(name):
    with open(os.path.join(OUT, name)) as f:
        return [json.loads(l) for l in f]

def check(arts):
    bad = 0
    Q, N, T, P = read('quotations.jsonl'), read('not_quotes.jsonl'), read('timeline.jsonl'), read('people.jsonl')
    for r in Q + N:
        t = arts[r['article']]['text']
        if t[r['start']:r['end']] != r['text']:
            print('offset mismatch', r['id']); bad += 1
    for r in T:
        t = arts[r['article']]['text']
        if r['sentence'] not in t or r['cue_text'] not in r['sentence']:
            print('sentence mismatch', r['id']); bad += 1
    names = {p['name'] for p in P}
    for r in Q:
        if r['speaker'] not in names:
            print('speaker missing from people.jsonl', r['id']); bad += 1
    arts_used = {r['article'] for r in Q + N + T}
    for a in arts_used:
        for rows in (Q, N, T):
            splits = {r['split'] for r in rows if r['article'] == a}
            if len(splits) > 1:
                print('article in both halves', a); bad += 1
    def table(rows, key, title):
        c = collections.Counter((r[key], r['split']) for r in rows)
        print('%s by %s (tune / check / all):' % (title, key))
        for k in sorted({r[key] for r in rows}):
            print('  %-36s %4d %4d %4d' % (k, c[(k, 'tune')], c[(k, 'check')], c[(k, 'tune')] + c[(k, 'check')]))
        print('  %-36s %4d %4d %4d' % ('total', sum(r['split'] == 'tune' for r in rows), sum(r['split'] == 'check' for r in rows), len(rows)))
    table(Q, 'kind', 'quotations')
    table(Q, 'source', 'quotations')
    table(N, 'family', 'not_quotes')
    table(N, 'kind', 'not_quotes')
    table(T, 'cue', 'timeline')
    sp = collections.Counter(r['split'] for r in {r['article']: r for r in Q + N + T}.values())
    print('articles: %d (cnn %d, usatoday %d); tune %d, check %d' % (len(arts_used),
          sum(source(arts[a]) == 'cnn' for a in arts_used), sum(source(arts[a]) == 'usatoday' for a in arts_used), sp['tune'], sp['check']))
    print('people with quotations: %d; closing marks in quotations: %s' % (len({r['speaker'] for r in Q}),
          dict(collections.Counter(r['close_mark'] for r in Q))))
    if bad:
        sys.exit('%d problems' % bad)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('cmd', choices=['select', 'show', 'build', 'check'])
    ap.add_argument('id', nargs='?')
    ap.add_argument('--corpus', default=DEFAULT_CORPUS)
    o = ap.parse_args()
    if not os.path.exists(o.corpus):
        sys.exit('build.py: no corpus at %s; pass --corpus with the path to '
                 'shared/bench/realtimeqa-dev/corpus.jsonl' % o.corpus)
    arts = load(o.corpus)
    if o.cmd == 'select':
        ids = [a['id'] for a, _ in select(arts)]
        split = split_of(ids, arts)
        for a, why in select(arts):
            print('%s %-9s %s %-5s %-11s %s' % (a['id'], source(a), a['published'], split[a['id']], why, a['title'][:60]))
    elif o.cmd == 'show':
        a = arts[o.id]; t = a['text']; last = 0; out = []
        for n, (s, e, c) in enumerate(spans(t), 1):
            out += [t[last:s], '[%d]' % n + t[s:e] + '[/%d]' % n]; last = e
        print(a['id'], a['published'], a['url']); print(''.join(out + [t[last:]]))
    elif o.cmd == 'build':
        build(arts)
    else:
        check(arts)

if __name__ == '__main__':
    main()
